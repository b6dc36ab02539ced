/** ICS list endpoints with v2 "result list options": clouds, organizations, insights, bots. */
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import type { Cloud } from './data'
import { ORGANIZATIONS } from './data'
import { reply, replyError } from './reply'

export interface ListOptions {
  filters: Record<string, unknown>[]
  limit: number | null
  offset: number
  orderBy: string | null
  search: string | null
}

/** Reads options from the JSON body (GET or POST: the vendor's scripts send a body on GET) or the query. */
export async function readListOptions(ctx: RequestContext): Promise<ListOptions | string> {
  const body = parseJson(await ctx.body()) ?? {}
  if (!isRecord(body)) return 'The request body must be a JSON object.'
  const pick = (name: string): unknown => body[name] ?? ctx.query.get(name) ?? undefined
  const filters = body['filters'] ?? []
  if (!Array.isArray(filters) || filters.some((f) => !isRecord(f))) return 'filters must be an array of objects.'
  const limitRaw = pick('limit')
  const offsetRaw = pick('offset') ?? 0
  const limit = limitRaw === undefined || limitRaw === null ? null : Number(limitRaw)
  const offset = Number(offsetRaw)
  if (limit !== null && (!Number.isInteger(limit) || limit < 0)) return 'limit must be a non-negative integer.'
  if (!Number.isInteger(offset) || offset < 0) return 'offset must be a non-negative integer.'
  const orderBy = pick('order_by')
  const search = pick('search_string')
  return {
    filters: filters as Record<string, unknown>[],
    limit,
    offset,
    orderBy: typeof orderBy === 'string' && orderBy !== '' ? orderBy : null,
    search: typeof search === 'string' && search !== '' ? search : null
  }
}

function filterMatches(item: Record<string, unknown>, filter: Record<string, unknown>): boolean | string {
  const field = filter['field_name']
  if (typeof field !== 'string') return 'Each filter needs a field_name.'
  if (!(field in item)) return `Unknown filter field '${field}'.`
  const type = String(filter['filter_type'] ?? 'EXACT').toUpperCase()
  const actual = String(item[field])
  const value = filter['filter_value']
  const list = Array.isArray(filter['filter_list_value']) ? (filter['filter_list_value'] as unknown[]).map(String) : null
  switch (type) {
    case 'EXACT': return list !== null ? list.includes(actual) : actual === String(value)
    case 'NOT': return list !== null ? !list.includes(actual) : actual !== String(value)
    case 'CONTAINS': return actual.toLowerCase().includes(String(value).toLowerCase())
    case 'GTE': return Number(actual) >= Number(value)
    case 'LTE': return Number(actual) <= Number(value)
    default: return `Unsupported filter_type '${type}'. Use EXACT, NOT, CONTAINS, GTE or LTE.`
  }
}

/** Filters, searches, sorts and pages `items`; returns an error message for bad options. */
export function applyListOptions<T extends object>(items: readonly T[], options: ListOptions): { page: T[]; total: number } | string {
  let out: T[] = [...items]
  for (const filter of options.filters) {
    const results = out.map((item) => filterMatches(item as Record<string, unknown>, filter))
    const problem = results.find((r) => typeof r === 'string')
    if (typeof problem === 'string') return problem
    out = out.filter((_, k) => results[k] === true)
  }
  if (options.search !== null) {
    const needle = options.search.toLowerCase()
    out = out.filter((item) => JSON.stringify(item).toLowerCase().includes(needle))
  }
  if (options.orderBy !== null) {
    const [field = '', direction = 'ASC'] = options.orderBy.split(/\s+/)
    const sign = direction.toUpperCase() === 'DESC' ? -1 : 1
    const value = (item: T): unknown => (item as Record<string, unknown>)[field]
    out.sort((a, b) => {
      const x = value(a)
      const y = value(b)
      return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * sign
    })
  }
  const total = out.length
  const end = options.limit === null ? undefined : options.offset + options.limit
  return { page: out.slice(options.offset, end), total }
}

export async function listClouds(ctx: RequestContext, clouds: readonly Cloud[]): Promise<void> {
  const options = await readListOptions(ctx)
  if (typeof options === 'string') return replyError(ctx, 400, 'BadRequest', options)
  const result = applyListOptions(clouds, options)
  if (typeof result === 'string') return replyError(ctx, 400, 'BadRequest', result)
  return reply(ctx, 200, { clouds: result.page, total_count: result.total })
}

export function organizationDetails(ctx: RequestContext, clouds: readonly Cloud[], bots: number, users: number): Promise<void> {
  const organizations = ORGANIZATIONS.map((org) => ({
    ...org,
    clouds: clouds.filter((c) => c.organization_id === org.organization_id).length,
    bots: org.organization_id === 1 ? bots : 0,
    users: org.organization_id === 1 ? users : 1
  }))
  return reply(ctx, 200, { organizations })
}

export async function listBots(ctx: RequestContext, bots: readonly Record<string, unknown>[]): Promise<void> {
  const options = await readListOptions(ctx)
  if (typeof options === 'string') return replyError(ctx, 400, 'BadRequest', options)
  const result = applyListOptions(bots, { ...options, limit: options.limit ?? 25 })
  if (typeof result === 'string') return replyError(ctx, 400, 'BadRequest', result)
  return reply(ctx, 200, { bots: result.page, count: result.total })
}
