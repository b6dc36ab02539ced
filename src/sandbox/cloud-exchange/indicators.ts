/** CE Threat Exchange indicators: `GET|POST /api/cte/indicators/`, kept in memory and seeded from the seed. */
import { isIPv4, isIPv6 } from 'node:net'
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import { hashString, mix32, Rng } from '../prng'
import { StepBudget } from '../bounded-regex'
import { FILTER_STEP_BUDGET, FilterError, matchesFilter } from './mongo-filter'
import { detail, reply, validationError, type ValidationIssue } from './reply'

export const IOC_TYPES = ['url', 'sha256', 'md5', 'ipv4', 'ipv6', 'hostname', 'domain', 'fqdn'] as const
const SEVERITIES = ['unknown', 'low', 'medium', 'high', 'critical'] as const
export const SOURCES = ['Sandbox API Source', 'Netskope Sandbox Tenant'] as const
const SORTABLE = ['value', 'type', 'sources.source', 'sources.comments', 'test', 'active', 'internalHits', 'externalHits',
  'sources.reputation', 'sources.firstSeen', 'sources.severity', 'sources.lastSeen', 'expiresAt']
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i

interface IndicatorSource {
  source: string
  reputation: number
  severity: string
  tags: string[]
  comments: string
  firstSeen: string
  lastSeen: string
}

type Indicator = Record<string, unknown> & { value: string; type: string; sources: IndicatorSource[] }

function validValue(type: string, value: string): boolean {
  switch (type) {
    case 'md5': return /^[a-f0-9]{32}$/i.test(value)
    case 'sha256': return /^[a-f0-9]{64}$/i.test(value)
    case 'ipv4': return isIPv4(value)
    case 'ipv6': return isIPv6(value)
    case 'url': return value.length > 0 && !/\s/.test(value)
    default: return HOST.test(value)
  }
}

function sample(rng: Rng, k: number): { value: string; type: string } {
  const type = IOC_TYPES[k % IOC_TYPES.length] ?? 'url'
  const word = () => rng.next().toString(36)
  switch (type) {
    case 'md5': return { type, value: rng.next().toString(16).padStart(8, '0').repeat(4) }
    case 'sha256': return { type, value: rng.next().toString(16).padStart(8, '0').repeat(8) }
    case 'ipv4': return { type, value: `198.51.100.${rng.range(1, 254)}` }
    case 'ipv6': return { type, value: `2001:db8::${rng.int(0xffff).toString(16)}` }
    case 'url': return { type, value: `https://${word()}.bad.example/${word()}` }
    default: return { type, value: `${word()}.bad.example` }
  }
}

export class IndicatorStore {
  private readonly items = new Map<string, Indicator>()

  constructor(seed: number, private readonly now: () => number) {
    const rng = new Rng(mix32(seed ^ hashString('ce-indicators')))
    for (let k = 0; k < 60; k++) {
      const { value, type } = sample(rng, k)
      const seen = new Date(now() - rng.range(3600, 30 * 86400) * 1000).toISOString()
      this.upsert({ value, type, source: rng.pick(SOURCES), reputation: rng.range(1, 10), severity: rng.pick(SEVERITIES),
        tags: rng.chance(0.3) ? ['sandbox'] : [], comments: '', test: false }, seen, rng.range(0, 50))
    }
  }

  upsert(input: Record<string, unknown>, seenAt?: string, hits = 0): Indicator {
    const stamp = seenAt ?? new Date(this.now()).toISOString()
    const value = String(input['value'])
    const src: IndicatorSource = { source: String(input['source']), reputation: Number(input['reputation'] ?? 5),
      severity: String(input['severity'] ?? 'unknown'), tags: (input['tags'] as string[] | undefined) ?? [],
      comments: String(input['comments'] ?? ''), firstSeen: stamp, lastSeen: stamp }
    const existing = this.items.get(value)
    if (existing !== undefined) {
      const old = existing.sources.find((s) => s.source === src.source)
      if (old !== undefined) Object.assign(old, { ...src, firstSeen: old.firstSeen })
      else existing.sources.push(src)
      Object.assign(existing, { reputation: src.reputation, severity: src.severity, tags: src.tags, comments: src.comments, lastSeen: stamp })
      return existing
    }
    const indicator: Indicator = { value, type: String(input['type']), test: input['test'] === true, safe: false,
      active: input['active'] !== false, internalHits: hits, externalHits: hits * 3,
      expiresAt: (input['expiresAt'] as string | undefined) ?? null, source: src.source, reputation: src.reputation,
      severity: src.severity, tags: src.tags, comments: src.comments, firstSeen: stamp, lastSeen: stamp,
      sharedWith: [], sources: [src] }
    this.items.set(value, indicator)
    return indicator
  }

  all(): Indicator[] {
    return [...this.items.values()]
  }
}

function intQuery(ctx: RequestContext, name: string, fallback: number, issues: ValidationIssue[]): number {
  const raw = ctx.query.get(name)
  if (raw === null) return fallback
  if (!/^-?\d+$/.test(raw)) {
    issues.push({ type: 'int_parsing', loc: ['query', name], msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw })
  }
  return Number(raw)
}

function boolQuery(ctx: RequestContext, name: string, fallback: boolean, issues: ValidationIssue[]): boolean {
  const raw = ctx.query.get(name)
  if (raw === null) return fallback
  if (/^(true|1|yes|on)$/i.test(raw)) return true
  if (/^(false|0|no|off)$/i.test(raw)) return false
  issues.push({ type: 'bool_parsing', loc: ['query', name], msg: 'Input should be a valid boolean, unable to interpret input', input: raw })
  return fallback
}

export async function listIndicators(ctx: RequestContext, store: IndicatorStore): Promise<void> {
  const issues: ValidationIssue[] = []
  const skip = intQuery(ctx, 'skip', 0, issues)
  const limit = intQuery(ctx, 'limit', 10, issues)
  const ascending = boolQuery(ctx, 'ascending', true, issues)
  const aggregate = boolQuery(ctx, 'aggregate', false, issues)
  if (issues.length > 0) return validationError(ctx, issues)
  if (skip < 0 || limit < 0) return detail(ctx, 400, 'skip and limit must not be negative.')
  let filter: unknown
  try {
    filter = JSON.parse(ctx.query.get('filters') ?? '{}')
  } catch {
    return detail(ctx, 400, 'Invalid JSON query provided.')
  }
  if (!isRecord(filter)) return detail(ctx, 400, 'Invalid query provided. The filter must be a JSON object.')
  let matched: Indicator[]
  try {
    const query = filter
    const budget = new StepBudget(FILTER_STEP_BUDGET)
    matched = store.all().filter((item) => matchesFilter(item, query, budget))
  } catch (error) {
    if (error instanceof FilterError) return detail(ctx, 400, `Invalid query provided. ${error.message}.`)
    throw error
  }
  if (aggregate) return reply(ctx, 200, { count: matched.length })
  const sort = ctx.query.get('sort')
  if (sort !== null && SORTABLE.includes(sort)) {
    const key = (item: Indicator): unknown => sort.startsWith('sources.') ? item.sources[0]?.[sort.slice(8) as keyof IndicatorSource] : item[sort]
    matched.sort((a, b) => {
      const x = key(a)
      const y = key(b)
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
      return ascending ? c : -c
    })
  }
  return reply(ctx, 200, matched.slice(skip, skip + limit))
}

export async function createIndicators(ctx: RequestContext, store: IndicatorStore): Promise<void> {
  const body = parseJson(await ctx.body())
  if (!Array.isArray(body)) {
    return validationError(ctx, [{ type: 'list_type', loc: ['body'], msg: 'Input should be a valid list', input: body ?? null }])
  }
  const issues: ValidationIssue[] = []
  body.forEach((item, k) => {
    if (!isRecord(item)) return issues.push({ type: 'model_type', loc: ['body', k], msg: 'Input should be a valid dictionary', input: item })
    for (const name of ['value', 'type', 'source']) {
      if (typeof item[name] !== 'string') issues.push({ type: 'missing', loc: ['body', k, name], msg: 'Field required', input: item })
    }
    if (typeof item['type'] === 'string' && !(IOC_TYPES as readonly string[]).includes(item['type'])) {
      issues.push({ type: 'enum', loc: ['body', k, 'type'], msg: `Input should be ${IOC_TYPES.map((t) => `'${t}'`).join(', ')}`, input: item['type'] })
    }
    const rep = item['reputation']
    if (rep !== undefined && (typeof rep !== 'number' || !Number.isInteger(rep) || rep < 1 || rep > 10)) {
      issues.push({ type: 'int_range', loc: ['body', k, 'reputation'], msg: 'Input should be an integer from 1 to 10', input: rep })
    }
    const severity = item['severity']
    if (severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(severity)) {
      issues.push({ type: 'enum', loc: ['body', k, 'severity'], msg: `Input should be ${SEVERITIES.map((s) => `'${s}'`).join(', ')}`, input: severity })
    }
    return undefined
  })
  if (issues.length > 0) return validationError(ctx, issues)
  const items = body as Record<string, unknown>[]
  const unknownSource = items.find((item) => !(SOURCES as readonly unknown[]).includes(item['source']))
  if (unknownSource !== undefined) {
    return detail(ctx, 400, `Configuration '${String(unknownSource['source'])}' does not exist. Use one of: ${SOURCES.join(', ')}.`)
  }
  if (items.some((item) => !validValue(String(item['type']), String(item['value'])))) {
    return detail(ctx, 422, 'Invalid indicator value provided.')
  }
  return reply(ctx, 201, items.map((item) => store.upsert(item)))
}
