/**
 * `/api/v2/events/data/{type}`: the older query endpoints (query, limit, offset, starttime, endtime, type,
 * acked, fields). Records come from the same lazy streams as the iterator, oldest first.
 */
import type { SandboxRuntime } from '../types'
import type { RequestContext } from '../http/context'
import { reply, replyMessage } from './reply'
import { parseQuery, QuerySyntaxError, splitAtWord, type QueryFilter } from './query-filter'
import { ALERT_TYPE_NAMES } from './records-alerts'
import { availableCount, firstIndexAtOrAfter, oldestRetainedIndex, type StreamSet } from './streams'

export const DATA_TYPES = ['alert', 'application', 'audit', 'infrastructure', 'network', 'page'] as const
const MAX_LIMIT = 5000
/** Give other requests a turn while a filtered query scans. */
const YIELD_EVERY = 20_000
const ALERT_TYPE_VALUES = ['anomaly', ...Object.values(ALERT_TYPE_NAMES), 'Legal Hold']

function intParam(ctx: RequestContext, name: string): number | null | 'invalid' {
  const raw = ctx.query.get(name)
  if (raw === null || raw === '') return null
  return /^\d+$/.test(raw) ? Number(raw) : 'invalid'
}

function project(record: Record<string, unknown>, fields: string[] | null): Record<string, unknown> {
  if (fields === null) return record
  const out: Record<string, unknown> = {}
  for (const name of fields) if (name in record) out[name] = record[name]
  return out
}

export async function handleEventsData(ctx: RequestContext, runtime: SandboxRuntime, streams: StreamSet): Promise<void> {
  const type = ctx.params['type'] ?? ''
  if (!(DATA_TYPES as readonly string[]).includes(type)) {
    return replyMessage(ctx, 400, `Invalid event type '${type}'. Use one of: ${DATA_TYPES.join(', ')}.`)
  }
  const stream = streams.get('events', type)
  if (stream === undefined) return replyMessage(ctx, 400, `Invalid event type '${type}'.`)
  const numbers: Record<string, number | null> = {}
  for (const name of ['limit', 'offset', 'starttime', 'endtime', 'insertionstarttime', 'insertionendtime']) {
    const value = intParam(ctx, name)
    if (value === 'invalid') return replyMessage(ctx, 400, `Parameter ${name} must be a non-negative integer.`)
    numbers[name] = value
  }
  const limit = numbers['limit'] ?? MAX_LIMIT
  if (limit > MAX_LIMIT) return replyMessage(ctx, 400, `Parameter limit must be at most ${MAX_LIMIT}.`)
  const usesTime = numbers['starttime'] !== null || numbers['endtime'] !== null
  const usesInsertion = numbers['insertionstarttime'] !== null || numbers['insertionendtime'] !== null
  if (usesTime && usesInsertion) {
    return replyMessage(ctx, 400, 'Use either starttime/endtime or insertionstarttime/insertionendtime, not both.')
  }
  const nowSec = Math.floor(runtime.now() / 1000)
  const startTime = numbers['starttime'] ?? numbers['insertionstarttime'] ?? null
  const endTime = numbers['endtime'] ?? numbers['insertionendtime'] ?? nowSec
  const clauses: string[] = []
  const query = ctx.query.get('query')
  if (query !== null && query.trim() !== '') clauses.push(query)
  if (type === 'alert') {
    const alertType = ctx.query.get('type')
    if (alertType !== null) {
      if (!ALERT_TYPE_VALUES.includes(alertType)) {
        return replyMessage(ctx, 400, `Invalid alert type '${alertType}'. Use one of: ${ALERT_TYPE_VALUES.join(', ')}.`)
      }
      clauses.push(`alert_type eq '${alertType}'`)
    }
    const acked = ctx.query.get('acked')
    if (acked !== null) {
      if (acked !== 'true' && acked !== 'false') return replyMessage(ctx, 400, 'Parameter acked must be true or false.')
      clauses.push(`acked eq '${acked}'`)
    }
  }
  let filter: QueryFilter | null = null
  try {
    if (clauses.length > 0) filter = parseQuery(clauses.map((c) => (clauses.length > 1 ? `(${c})` : c)).join(' and '))
  } catch (error) {
    if (error instanceof QuerySyntaxError) return replyMessage(ctx, 400, `Invalid query: ${error.message}`)
    throw error
  }
  if (clauses.length > 1 && query !== null && splitAtWord(query, 'or').length > 1) {
    return replyMessage(ctx, 400, 'Invalid query: "or" cannot be combined with the type or acked parameters.')
  }
  const first = Math.max(oldestRetainedIndex(stream, nowSec), startTime === null ? 0 : firstIndexAtOrAfter(stream, startTime))
  const end = Math.min(availableCount(stream, nowSec), firstIndexAtOrAfter(stream, endTime + 1))
  const offset = numbers['offset'] ?? 0
  const fieldsParam = ctx.query.get('fields')
  const countMatch = fieldsParam === null ? null : /^(\w+):count\(_id\)$/.exec(fieldsParam)
  const fields = fieldsParam === null || countMatch !== null ? null : fieldsParam.split(',').map((f) => f.trim()).filter(Boolean)

  if (filter === null) {
    if (countMatch !== null) return reply(ctx, 200, { ok: 1, result: [{ [countMatch[1] ?? 'count']: Math.max(0, end - first) }] })
    const result: Record<string, unknown>[] = []
    for (let i = first + offset; i < end && result.length < limit; i++) result.push(project(streams.record(stream, i), fields))
    return reply(ctx, 200, { ok: 1, result })
  }
  const result: Record<string, unknown>[] = []
  let matched = 0
  for (let i = first; i < end; i++) {
    if ((i - first) % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve))
    if (ctx.res.destroyed) return
    const json = streams.json(stream, i)
    if (!filter.mayMatch(json)) continue
    const record = JSON.parse(json) as Record<string, unknown>
    if (!filter.matches(record)) continue
    matched++
    if (countMatch !== null) continue
    if (matched > offset) result.push(project(record, fields))
    if (result.length >= limit) break
  }
  if (countMatch !== null) return reply(ctx, 200, { ok: 1, result: [{ [countMatch[1] ?? 'count']: matched }] })
  return reply(ctx, 200, { ok: 1, result })
}
