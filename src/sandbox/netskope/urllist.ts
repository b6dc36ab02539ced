/** `/api/v2/policy/urllist[...]`: list, create, get, replace, delete, PATCH append/replace, deploy, file upload. */
import type { RequestContext } from '../http/context'
import { isRecord, parseJson, parseMultipart } from '../http/body'
import { reply, replyMessage } from './reply'
import { MAX_TOTAL_URLS, urlProblem, type UrlList, type UrlListStore, type UrlListType } from './urllist-store'

const MAX_UPLOAD_BYTES = 16 * 1024 * 1024

interface ListInput {
  name: string | undefined
  urls: string[]
  type: UrlListType
}

type Parsed = { ok: true; value: ListInput } | { ok: false; status: number; message: unknown }

/** Validates `{name?, data:{urls[], type}}`; URL problems come back as `[[url, reason], ...]` like the tenant. */
function parseListInput(value: unknown, nameRequired: boolean): Parsed {
  if (!isRecord(value)) return { ok: false, status: 400, message: 'Request body must be a JSON object with name and data.' }
  const name = value['name']
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > 255)) {
    return { ok: false, status: 400, message: 'name must be a non-empty string of at most 255 characters.' }
  }
  if (nameRequired && name === undefined) return { ok: false, status: 400, message: 'name is required.' }
  const data = value['data']
  if (!isRecord(data)) return { ok: false, status: 400, message: 'data is required: {"urls": [...], "type": "exact"|"regex"}.' }
  const type = data['type'] ?? 'exact'
  if (type !== 'exact' && type !== 'regex') return { ok: false, status: 400, message: 'data.type must be "exact" or "regex".' }
  const urls = data['urls']
  if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string')) {
    return { ok: false, status: 400, message: 'data.urls must be an array of strings.' }
  }
  const strings = urls as string[]
  const problems = strings.flatMap((url) => {
    const problem = urlProblem(url, type)
    return problem === null ? [] : [[url, problem]]
  })
  if (problems.length > 0) return { ok: false, status: 400, message: problems }
  return { ok: true, value: { name: typeof name === 'string' ? name : undefined, urls: [...new Set(strings)], type } }
}

async function readInput(ctx: RequestContext, nameRequired: boolean): Promise<Parsed> {
  return parseListInput(parseJson(await ctx.body()), nameRequired)
}

function listId(ctx: RequestContext, store: UrlListStore): UrlList | undefined {
  const raw = ctx.params['id'] ?? ''
  return /^\d+$/.test(raw) ? store.get(Number(raw)) : undefined
}

function pick(list: UrlList, fields: string[] | null): Record<string, unknown> {
  if (fields === null) return { ...list }
  const source = list as unknown as Record<string, unknown>
  return Object.fromEntries(fields.filter((f) => f in source).map((f) => [f, source[f]]))
}

export function createUrlListHandlers(store: UrlListStore, by: (ctx: RequestContext) => string) {
  const notFound = (ctx: RequestContext): Promise<void> =>
    replyMessage(ctx, 404, `URL list ${ctx.params['id'] ?? ''} not found.`)
  const overLimit = (extra: number, exceptId?: number): boolean => store.totalUrls(exceptId) + extra > MAX_TOTAL_URLS

  return {
    async list(ctx: RequestContext): Promise<void> {
      const pending = ctx.query.get('pending')
      if (pending !== null && pending !== '0' && pending !== '1') return replyMessage(ctx, 400, 'pending must be 0 or 1.')
      const field = ctx.query.get('field')
      const fields = field === null ? null : field.split(',').map((f) => f.trim()).filter(Boolean)
      const lists = store.all().filter((list) => pending === null || list.pending === Number(pending))
      return reply(ctx, 200, lists.map((list) => pick(list, fields)))
    },
    async create(ctx: RequestContext): Promise<void> {
      const input = await readInput(ctx, true)
      if (!input.ok) return replyMessage(ctx, input.status, input.message)
      const name = input.value.name ?? ''
      if (store.byName(name) !== undefined) return replyMessage(ctx, 400, `A URL list named '${name}' already exists.`)
      if (overLimit(input.value.urls.length)) return replyMessage(ctx, 400, `The tenant allows at most ${MAX_TOTAL_URLS} URLs in total.`)
      return reply(ctx, 200, [store.create(name, input.value, by(ctx))])
    },
    async get(ctx: RequestContext): Promise<void> {
      const list = listId(ctx, store)
      return list === undefined ? notFound(ctx) : reply(ctx, 200, list)
    },
    async replace(ctx: RequestContext): Promise<void> {
      const list = listId(ctx, store)
      if (list === undefined) return notFound(ctx)
      const input = await readInput(ctx, true)
      if (!input.ok) return replyMessage(ctx, input.status, input.message)
      if (overLimit(input.value.urls.length, list.id)) return replyMessage(ctx, 400, `The tenant allows at most ${MAX_TOTAL_URLS} URLs in total.`)
      return reply(ctx, 200, store.update(list, input.value.name ?? list.name, input.value.urls, input.value.type, by(ctx)))
    },
    async remove(ctx: RequestContext): Promise<void> {
      const list = listId(ctx, store)
      return list === undefined ? notFound(ctx) : reply(ctx, 200, store.markDeleted(list, by(ctx)))
    },
    async patch(ctx: RequestContext): Promise<void> {
      const list = listId(ctx, store)
      if (list === undefined) return notFound(ctx)
      const action = ctx.params['action']
      if (action !== 'append' && action !== 'replace') {
        return replyMessage(ctx, 400, `Invalid action '${action ?? ''}'. Use append or replace.`)
      }
      const input = await readInput(ctx, false)
      if (!input.ok) return replyMessage(ctx, input.status, input.message)
      const urls = action === 'append' ? [...new Set([...list.data.urls, ...input.value.urls])] : input.value.urls
      if (overLimit(urls.length, list.id)) return replyMessage(ctx, 400, `The tenant allows at most ${MAX_TOTAL_URLS} URLs in total.`)
      return reply(ctx, 200, store.update(list, input.value.name ?? list.name, urls, input.value.type, by(ctx)))
    },
    async deploy(ctx: RequestContext): Promise<void> {
      return reply(ctx, 200, store.deploy())
    },
    async upload(ctx: RequestContext): Promise<void> {
      const contentType = ctx.req.headers['content-type'] ?? ''
      if (!/^multipart\/form-data/i.test(contentType)) {
        return replyMessage(ctx, 400, 'Upload the JSON file as multipart/form-data in the field "urllist".')
      }
      const parts = parseMultipart(await ctx.body(), contentType)
      const file = parts.find((part) => part.name === 'urllist')
      if (file === undefined) return replyMessage(ctx, 400, 'The multipart body has no "urllist" file field.')
      if (file.data.length > MAX_UPLOAD_BYTES) return replyMessage(ctx, 413, 'The uploaded file must be smaller than 16 MB.')
      const json = parseJson(file.data)
      const items = isRecord(json) ? json['items'] : undefined
      if (!Array.isArray(items)) return replyMessage(ctx, 400, 'The file must be JSON like {"items": [{"name": ..., "data": {...}}]}.')
      const inputs: ListInput[] = []
      for (const item of items) {
        const parsed = parseListInput(item, true)
        if (!parsed.ok) return replyMessage(ctx, parsed.status, parsed.message)
        inputs.push(parsed.value)
      }
      const added = inputs.reduce((sum, input) => sum + input.urls.length, 0)
      if (overLimit(added)) return replyMessage(ctx, 400, `The tenant allows at most ${MAX_TOTAL_URLS} URLs in total.`)
      const result = inputs.map((input) => {
        const name = input.name ?? ''
        const existing = store.byName(name)
        return existing === undefined
          ? store.create(name, input, by(ctx))
          : store.update(existing, name, input.urls, input.type, by(ctx))
      })
      return reply(ctx, 200, result)
    }
  }
}
