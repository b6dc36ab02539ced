/** `/api/v2/services/cci/{app,domain,tags}`: app risk lookups and app tags. */
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import { CCI_APPS, type CciApp } from './cci-catalog'
import { reply } from './reply'

const CCL_VALUES = ['poor', 'low', 'medium', 'high', 'excellent']

function fail(ctx: RequestContext, status: number, error: string): Promise<void> {
  return reply(ctx, status, { error, status: 'error', status_code: status })
}

function success(ctx: RequestContext, status: number, extra: Record<string, unknown>): Promise<void> {
  return reply(ctx, status, { ...extra, status: 'Success', status_code: status })
}

const list = (value: string | null, separator: RegExp = /;/): string[] =>
  value === null ? [] : value.split(separator).map((v) => v.trim()).filter(Boolean)

function byNamesOrIds(names: string[], ids: string[]): CciApp[] | string {
  const badId = ids.find((id) => !/^\d+$/.test(id))
  if (badId !== undefined) return `Invalid id '${badId}'.`
  return CCI_APPS.filter((app) => names.includes(app.app_name) || ids.includes(String(app.id)))
}

export class CciService {
  /** tag -> app ids. */
  private readonly tags = new Map<string, Set<number>>([['preferred', new Set([5, 20])]])

  private tagsOf(app: CciApp): string[] {
    return [...this.tags].filter(([, ids]) => ids.has(app.id)).map(([tag]) => tag)
  }

  async app(ctx: RequestContext): Promise<void> {
    const q = ctx.query
    const ccl = q.get('ccl')
    if (ccl !== null && !CCL_VALUES.includes(ccl)) return fail(ctx, 400, `Invalid ccl '${ccl}'. Use one of: ${CCL_VALUES.join(', ')}.`)
    for (const flag of ['connector', 'discovered']) {
      const value = q.get(flag)
      if (value !== null && value !== '1' && value !== 'true') return fail(ctx, 400, `Invalid ${flag} '${value}'. Use 1 or true.`)
    }
    const updated = q.get('updated')
    if (updated !== null && updated !== 'all') return fail(ctx, 400, `Invalid updated '${updated}'. Use all.`)
    const offset = Number(q.get('offset') ?? '0')
    const limit = Number(q.get('limit') ?? '100')
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
      return fail(ctx, 400, 'offset and limit must be non-negative integers (limit at least 1).')
    }
    const names = list(q.get('apps'))
    if (names.length > 100) return fail(ctx, 400, 'apps may name at most 100 apps.')
    const ids = list(q.get('ids'))
    let apps: readonly CciApp[] = CCI_APPS
    if (names.length > 0 || ids.length > 0) {
      const found = byNamesOrIds(names, ids)
      if (typeof found === 'string') return fail(ctx, 400, found)
      apps = found
    }
    const category = q.get('category')
    const tag = q.get('tag')
    const domain = q.get('domain')
    apps = apps.filter((app) =>
      (category === null || app.category_name.toLowerCase() === category.toLowerCase()) &&
      (ccl === null || app.ccl === ccl) &&
      (tag === null || this.tagsOf(app).includes(tag)) &&
      (domain === null || app.domains.some((d) => d === domain || d.endsWith('.' + domain))) &&
      (q.get('connector') === null || app.connector) &&
      (q.get('discovered') === null || app.discovered))
    if (apps.length === 0) {
      // The documented 204 carries a JSON body; HTTP forbids a body on 204, so the client sees none.
      return success(ctx, 204, { data: [], message: 'No records matched' })
    }
    const data = apps.slice(offset, offset + limit).map((app) => ({
      app_name: app.app_name, category_name: app.category_name, cci: app.cci, ccl: app.ccl, id: app.id,
      organisation: app.organisation
    }))
    return success(ctx, 200, { data, total_query_count: apps.length })
  }

  async domain(ctx: RequestContext): Promise<void> {
    const toDomain = (app: CciApp): Record<string, unknown> => ({
      app_name: app.app_name, discovery_domains: app.domains, id: app.id, steering_domains: app.domains
    })
    const single = ctx.query.get('app') ?? ctx.query.get('id')
    if (single !== null) {
      const app = CCI_APPS.find((a) => a.app_name === single || String(a.id) === single)
      return app === undefined ? success(ctx, 204, { data: [], message: 'No records matched' }) : success(ctx, 200, { data: toDomain(app) })
    }
    const ids = list(ctx.query.get('ids'))
    const names = list(ctx.query.get('apps'))
    if (ids.length === 0 && names.length === 0) return fail(ctx, 400, 'Pass app, id, apps or ids.')
    const found = byNamesOrIds(names, ids)
    if (typeof found === 'string') return fail(ctx, 400, found)
    if (found.length === 0) return success(ctx, 204, { data: [], message: 'No records matched' })
    return success(ctx, 200, { data: found.map(toDomain) })
  }

  async getTags(ctx: RequestContext): Promise<void> {
    const names = list(ctx.query.get('apps'), /[;,]/)
    const ids = list(ctx.query.get('ids'), /[;,]/)
    const found = names.length === 0 && ids.length === 0 ? [...CCI_APPS] : byNamesOrIds(names, ids)
    if (typeof found === 'string') return fail(ctx, 400, found)
    const data = Object.fromEntries(found.map((app) => [app.app_name,
      { app_type: app.app_type, id: app.id, sanctioned: app.sanctioned, tags: this.tagsOf(app) }]))
    return success(ctx, 200, { data })
  }

  private async readTagBody(ctx: RequestContext): Promise<{ apps: CciApp[]; raw: Record<string, unknown> } | string> {
    const body = parseJson(await ctx.body())
    if (!isRecord(body)) return 'Request body must be a JSON object.'
    const names = body['apps'] ?? []
    const ids = body['ids'] ?? []
    if (!Array.isArray(names) || !Array.isArray(ids)) return 'apps and ids must be arrays.'
    const found = byNamesOrIds(names.map(String), ids.map(String))
    if (typeof found === 'string') return found
    if (found.length === 0) return 'None of the given apps exist.'
    return { apps: found, raw: body }
  }

  async createTag(ctx: RequestContext): Promise<void> {
    const parsed = await this.readTagBody(ctx)
    if (typeof parsed === 'string') return fail(ctx, 400, parsed)
    const tag = parsed.raw['tag']
    if (typeof tag !== 'string' || !/^[\w .-]{1,64}$/.test(tag)) return fail(ctx, 400, 'tag is required (letters, digits, _ . - and spaces).')
    if (this.tags.has(tag)) return fail(ctx, 400, `Tag '${tag}' already exists.`)
    this.tags.set(tag, new Set(parsed.apps.map((a) => a.id)))
    return success(ctx, 200, { tag, apps: parsed.apps.map((a) => a.app_name),
      message: `Tag created successfully and applied to ${parsed.apps.length} app(s).` })
  }

  async updateTag(ctx: RequestContext): Promise<void> {
    const tag = ctx.params['tag'] ?? ''
    const ids = this.tags.get(tag)
    if (ids === undefined) return fail(ctx, 404, `Tag '${tag}' does not exist.`)
    const parsed = await this.readTagBody(ctx)
    if (typeof parsed === 'string') return fail(ctx, 400, parsed)
    const action = parsed.raw['action']
    if (action !== 'append' && action !== 'remove') return fail(ctx, 400, 'action must be append or remove.')
    for (const app of parsed.apps) {
      if (action === 'append') ids.add(app.id)
      else ids.delete(app.id)
    }
    return success(ctx, 200, { tag, apps: parsed.apps.map((a) => a.app_name), message: `Tag updated successfully (${action}).` })
  }

  async deleteTags(ctx: RequestContext): Promise<void> {
    const names = list(ctx.query.get('tags'), /,/)
    if (names.length === 0) return fail(ctx, 400, 'Pass the tags to delete: ?tags=t1,t2')
    const missing = names.filter((name) => !this.tags.has(name))
    if (missing.length > 0) return fail(ctx, 404, `Tag(s) not found: ${missing.join(', ')}`)
    for (const name of names) this.tags.delete(name)
    return success(ctx, 202, { message: `Deletion of ${names.length} tag(s) is in progress.` })
  }
}
