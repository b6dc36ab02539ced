/**
 * Token scope checker, the pure part: which Netskope v2 scope paths the chosen Cloud Exchange
 * modules need (from the catalog's x-ce-modules / x-privilege metadata), how each is probed read-only, how an
 * answer is classified, and the table that joins plan and answers. Main sends the probes (core/iterator/scope-probe).
 *
 * Never a write: a v2 token's scope is per path, Read = GET, Read+Write = GET/PUT/POST/PATCH/DELETE. Only the Read
 * half can be shown by a GET; the Write half of a Read+Write need is reported unknown, because the only proof would
 * be a write. A path with no GET at all (e.g. /api/v2/incidents/uba/getuci, POST only) is not probed either.
 */
import { z } from 'zod'
import type { CatalogOperation } from '../catalog/types'
import { CE_MODULES } from '../catalog/extensions'

export type CeModule = (typeof CE_MODULES)[number]
export const CeModuleSchema = z.enum(CE_MODULES)

export const SCOPE_STATUSES = ['granted', 'missing', 'unknown', 'token-invalid'] as const
export type ScopeStatus = (typeof SCOPE_STATUSES)[number]

/**
 * Probes of Data Export endpoints use this index of their own, so no real consumer's position moves (state is kept
 * per endpoint + index), and `operation=<now>`: it asks for records from this second on, which is at most a handful,
 * where `head` would return a full 10,000-record page and `resend` on a never-used index is undocumented.
 */
export const SCOPE_PROBE_INDEX = 'cloudsec-api-explorer-scope-probe'

/** Scope paths the IPC accepts: plain v2 paths, no templates, no query. */
export const ScopePathSchema = z.string().max(200).regex(/^\/api\/v2(\/[a-z0-9_.-]+)+$/, {
  message: 'A scope path is a Netskope v2 path such as /api/v2/services/cci/app.'
})

export const ScopeProbeResultSchema = z.object({
  path: z.string(),
  status: z.enum(SCOPE_STATUSES),
  httpStatus: z.number().nullable(),
  reason: z.string()
})
export type ScopeProbeResult = z.infer<typeof ScopeProbeResultSchema>

/** One scope path a module set needs. */
export interface ScopeNeed {
  path: string
  privilege: 'Read' | 'Read+Write'
  modules: CeModule[]
  /** "GET /api/v2/policy/urllist/{id}" ... : the catalog operations behind the need. */
  operations: string[]
  /** A GET exists on exactly this path, so the Read half can be probed. */
  readProbe: boolean
}

/** The token scope covers a path and everything addressed below it by id: cut at the first `{param}` segment. */
export function scopePathOf(path: string): string {
  const cut = path.split('/').findIndex((segment) => segment.startsWith('{'))
  return cut === -1 ? path : path.split('/').slice(0, cut).join('/')
}

const isLegacy = (op: CatalogOperation): boolean => /phasing out/i.test(op.extensions.lifecycle ?? '')

/**
 * The v2 scope paths the modules call, with the privilege each needs (Read+Write if any call on the path needs it).
 * Legacy /api/v2/events/data/* paths (CE 3.0-4.0) are left out unless asked for: with the iterator toggle on, CE
 * pulls through dataexport.
 */
export function planScopeCheck(operations: readonly CatalogOperation[], modules: readonly CeModule[], options: { includeLegacy?: boolean } = {}): ScopeNeed[] {
  const needs = new Map<string, ScopeNeed>()
  for (const op of operations) {
    if (op.api !== 'netskope' || !op.path.startsWith('/api/v2/')) continue
    const used = (op.extensions.ceModules ?? []).filter((m) => modules.includes(m))
    if (used.length === 0 || (isLegacy(op) && options.includeLegacy !== true)) continue
    const path = scopePathOf(op.path)
    const need = needs.get(path) ?? { path, privilege: 'Read', modules: [], operations: [], readProbe: false }
    if (op.extensions.privilege === 'Read+Write') need.privilege = 'Read+Write'
    for (const m of used) if (!need.modules.includes(m)) need.modules.push(m)
    need.operations.push(`${op.method.toUpperCase()} ${op.path}`)
    if (op.method.toUpperCase() === 'GET' && op.path === path) need.readProbe = true
    needs.set(path, need)
  }
  return [...needs.values()].sort((a, b) => a.path.localeCompare(b.path))
}

/** Query values that make each probe a small, valid read (a 400 would prove nothing about the scope). */
const PROBE_QUERIES: Record<string, Array<[string, string]>> = {
  '/api/v2/services/cci/app': [['limit', '1']],
  '/api/v2/services/cci/domain': [['app', 'Box']],
  '/api/v2/services/cci/tags': [['apps', 'Box']],
  '/api/v2/policy/urllist': [['field', 'id,name']]
}

/** The GET that probes the Read half of a scope path. */
export function probeQueryFor(path: string, nowSeconds: number): Array<[string, string]> {
  if (path.startsWith('/api/v2/events/dataexport/')) return [['index', SCOPE_PROBE_INDEX], ['operation', String(nowSeconds)]]
  if (path.startsWith('/api/v2/events/data/')) return [['limit', '1']]
  return PROBE_QUERIES[path] ?? []
}

/** What one probe's HTTP answer says about the scope. */
export function classifyProbe(path: string, httpStatus: number, message: string, retryAfter: string | null = null): ScopeProbeResult {
  const said = message ? `: ${message}` : ''
  const result = (status: ScopeStatus, reason: string): ScopeProbeResult => ({ path, status, httpStatus, reason })
  if (httpStatus >= 200 && httpStatus < 300) return result('granted', `GET answered HTTP ${httpStatus}`)
  if (httpStatus === 401) return result('token-invalid', `HTTP 401${said}: the token is wrong, expired or revoked`)
  if (httpStatus === 403) return result('missing', `HTTP 403${said}: the token has no scope for this path`)
  if (httpStatus === 429) return result('unknown', `rate limited (HTTP 429${retryAfter ? `, Retry-After ${retryAfter} s` : ''}); check again later`)
  if (httpStatus >= 500) return result('unknown', `server error (HTTP ${httpStatus}${said}); check again later`)
  if (httpStatus === 404) return result('unknown', `HTTP 404${said}: this tenant does not serve the path`)
  return result('unknown', `HTTP ${httpStatus}${said}: the answer does not show whether the scope is granted`)
}

export interface ScopePart {
  status: ScopeStatus
  reason: string
}

export interface ScopeRow extends ScopeNeed {
  read: ScopePart
  /** Only for a Read+Write need. */
  write: ScopePart | null
  overall: ScopeStatus
}

const NO_GET: ScopePart = {
  status: 'unknown',
  reason: 'not probed: the path takes no GET, and any other method could write'
}
const WRITE_NOT_PROBED: ScopePart = {
  status: 'unknown',
  reason: 'not probed: only a write (POST/PUT/PATCH/DELETE) could show it, and the checker never writes'
}

/** Joins the plan with the probe answers into the table the panel shows. */
export function scopeTable(plan: readonly ScopeNeed[], results: readonly ScopeProbeResult[]): ScopeRow[] {
  const byPath = new Map(results.map((r) => [r.path, r]))
  return plan.map((need) => {
    const probed = need.readProbe ? byPath.get(need.path) : undefined
    const read: ScopePart = !need.readProbe ? NO_GET : probed ? { status: probed.status, reason: probed.reason } : { status: 'unknown', reason: 'no answer' }
    let write: ScopePart | null = null
    if (need.privilege === 'Read+Write') {
      // No scope at all on the path (GET refused) means no Write either; a refused token says nothing about either half.
      write = read.status === 'missing' ? { status: 'missing', reason: 'no scope on this path at all (the GET got 403)' }
        : read.status === 'token-invalid' ? read : WRITE_NOT_PROBED
    }
    const parts = write ? [read, write] : [read]
    const overall: ScopeStatus = parts.some((p) => p.status === 'token-invalid') ? 'token-invalid'
      : parts.some((p) => p.status === 'missing') ? 'missing'
        : parts.every((p) => p.status === 'granted') ? 'granted' : 'unknown'
    return { ...need, read, write, overall }
  })
}

/** The paths main has to probe for a plan. */
export const probePaths = (plan: readonly ScopeNeed[]): string[] => plan.filter((n) => n.readProbe).map((n) => n.path)
