/**
 * The request shapes every Falcon API family shares: "queries" endpoints return ids (offset paging, the
 * hosts scroll token or an `after` token), "entities" endpoints return records for ids given in the query
 * string or a JSON body, and "combined" endpoints return records with `after` paging.
 */
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import type { Collection } from './collections'
import type { FalconRecord } from './data-hosts'
import { matchesAll, parseFql } from './fql'
import { decodeToken, encodeToken, PagingError, readLimit, readOffset, readSort, sortRecords } from './paging'
import { failure, resources, type FalconError } from './reply'

export interface QueryArgs {
  filter?: string | null
  sort?: string | null
  q?: string | null
}

/** Filtered and sorted records of `col`; FqlError/PagingError propagate to the server's 400. */
export function select(col: Collection, args: QueryArgs): FalconRecord[] {
  const terms = parseFql(args.filter ?? '', col.filterFields)
  const q = (args.q ?? '').toLowerCase()
  const matching = col.records.filter((r) => matchesAll(r, terms) && (q === '' || JSON.stringify(r).toLowerCase().includes(q)))
  return sortRecords(matching, readSort(args.sort, col.sortFields))
}

const ids = (col: Collection, records: readonly FalconRecord[]): string[] => records.map((r) => String(r[col.idField]))

export interface OffsetOptions {
  maxLimit: number
  defaultLimit: number
  /** Hosts answer the next page's offset in meta.pagination.offset; the other APIs echo the requested one. */
  nextOffset?: boolean
}

export function queryByOffset(ctx: RequestContext, col: Collection, options: OffsetOptions): Promise<void> {
  const limit = readLimit(ctx.query.get('limit'), options.maxLimit, options.defaultLimit)
  const offset = readOffset(ctx.query.get('offset'))
  const all = select(col, queryArgs(ctx))
  const page = all.slice(offset, offset + limit)
  const reported = options.nextOffset === true ? offset + page.length : offset
  return resources(ctx, col.poweredBy, ids(col, page), { offset: reported, limit, total: all.length })
}

function queryArgs(ctx: RequestContext): QueryArgs {
  return { filter: ctx.query.get('filter'), sort: ctx.query.get('sort'), q: ctx.query.get('q') }
}

/** How long a hosts scroll `offset` token stays valid (Falcon: 2 minutes). */
const SCROLL_TTL_MS = 2 * 60_000

/** GET /devices/queries/devices-scroll/v1: `offset` is the token of the previous answer, absent on the first call. */
export function queryByScroll(ctx: RequestContext, col: Collection, nowMs: number, options: OffsetOptions): Promise<void> {
  const limit = readLimit(ctx.query.get('limit'), options.maxLimit, options.defaultLimit)
  const raw = ctx.query.get('offset')
  const start = raw === null || raw === '' ? 0 : decodeToken(raw, col.name, nowMs, 'offset')
  const all = select(col, queryArgs(ctx))
  const page = all.slice(start, start + limit)
  const next = encodeToken(col.name, start + page.length, nowMs + SCROLL_TTL_MS)
  return resources(ctx, col.poweredBy, ids(col, page), { offset: next, limit, total: all.length, expires_at: nowMs + SCROLL_TTL_MS })
}

export interface AfterPage {
  records: FalconRecord[]
  limit: number
  total: number
  after: string | undefined
  offset: number | undefined
}

/**
 * `after` paging (alerts combined, IOC queries); `offset` and `after` are mutually exclusive. The last page
 * carries no `after` token, which is how clients know they are done.
 */
export function pageByAfter(col: Collection, args: QueryArgs & { after?: string | null; offset?: string | null; limit?: string | null },
  nowMs: number, maxLimit: number, defaultLimit: number): AfterPage {
  const hasAfter = args.after !== undefined && args.after !== null && args.after !== ''
  const hasOffset = args.offset !== undefined && args.offset !== null && args.offset !== ''
  if (hasAfter && hasOffset) throw new PagingError('offset and after are mutually exclusive')
  const limit = readLimit(args.limit, maxLimit, defaultLimit)
  const start = hasAfter ? decodeToken(args.after ?? '', col.name, nowMs, 'after') : readOffset(args.offset)
  const all = select(col, args)
  const page = all.slice(start, start + limit)
  const end = start + page.length
  return { records: page, limit, total: all.length, after: end < all.length ? encodeToken(col.name, end) : undefined,
    offset: hasOffset ? start : undefined }
}

export function queryByAfter(ctx: RequestContext, col: Collection, nowMs: number, maxLimit: number, combined: boolean): Promise<void> {
  const page = pageByAfter(col, { ...queryArgs(ctx), after: ctx.query.get('after'), offset: ctx.query.get('offset'),
    limit: ctx.query.get('limit') }, nowMs, maxLimit, 100)
  const items = combined ? page.records : ids(col, page.records)
  return resources(ctx, col.poweredBy, items, paginationOf(page))
}

export function paginationOf(page: AfterPage): { limit: number; total: number; offset?: number; after?: string } {
  return { limit: page.limit, total: page.total, ...(page.offset === undefined ? {} : { offset: page.offset }),
    ...(page.after === undefined ? {} : { after: page.after }) }
}

/** Records for `wanted`; unknown ids become per-id errors, and a lookup that finds nothing is a 404. */
function answerEntities(ctx: RequestContext, col: Collection, wanted: readonly string[], maxIds: number): Promise<void> {
  if (wanted.length === 0) return failure(ctx, 400, 'ids must contain at least one id', col.poweredBy)
  if (wanted.length > maxIds) return failure(ctx, 400, `at most ${maxIds} ids may be requested at once`, col.poweredBy)
  const found: FalconRecord[] = []
  const errors: FalconError[] = []
  for (const id of new Set(wanted)) {
    const record = col.byId.get(id)
    if (record === undefined) errors.push({ code: 404, message: `${col.idField} not found`, id })
    else found.push(record)
  }
  return resources(ctx, col.poweredBy, found, undefined, errors, found.length === 0 ? 404 : 200)
}

export function entitiesFromQuery(ctx: RequestContext, col: Collection, maxIds: number): Promise<void> {
  const wanted = ctx.query.getAll('ids').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)
  return answerEntities(ctx, col, wanted, maxIds)
}

/** Reads a JSON object body; a missing or wrong-typed body is a PagingError (400). */
export async function jsonObject(ctx: RequestContext): Promise<Record<string, unknown>> {
  const body = parseJson(await ctx.body())
  if (!isRecord(body)) throw new PagingError('request body must be a JSON object')
  return body
}

export async function entitiesFromBody(ctx: RequestContext, col: Collection, key: string, maxIds: number): Promise<void> {
  const body = await jsonObject(ctx)
  const list = body[key]
  if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
    return failure(ctx, 400, `body must have "${key}": an array of strings`, col.poweredBy)
  }
  return answerEntities(ctx, col, list, maxIds)
}
