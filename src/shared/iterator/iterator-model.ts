/**
 * Netskope Data Export ("iterator") model shared by main and renderer: endpoints, index names, operations,
 * run modes, the legacy -> dataexport conversion and the "needs a v2 token" rule. Pure: no node, no DOM.
 */
import { z } from 'zod'

export const EVENT_TYPES = [
  'alert', 'application', 'audit', 'connection', 'endpoint', 'incident', 'infrastructure', 'network', 'page'
] as const
export const ALERT_TYPES = [
  'compromisedcredential', 'content', 'ctep', 'device', 'dlp', 'malsite', 'malware', 'policy', 'quarantine',
  'remediation', 'securityassessment', 'uba', 'watchlist'
] as const

/** Index naming rule of the iterator-management API (letters, digits, `_ . : -`), also enforced by the sandbox. */
export const INDEX_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/
/** A consumer-specific default, so the app never shares CE's own index (two consumers on one index lose data). */
export const DEFAULT_INDEX = 'cloudsec-api-explorer'

const ENDPOINT_PATTERN = /^\/api\/v2\/events\/dataexport\/(events|alerts)\/([a-z]+)$/

export const IteratorEndpointSchema = z.string().max(200).refine((value) => parseIteratorEndpoint(value) !== null, {
  message: 'Use /api/v2/events/dataexport/events/{type} or /api/v2/events/dataexport/alerts/{type} with a known type.'
})
export const IndexNameSchema = z.string().regex(INDEX_PATTERN, {
  message: 'Index names are 1-128 letters, digits, underscore, hyphen, dot or colon.'
})

/** `next | head | tail | resend`, an epoch in seconds, or `resume` (epoch just after the saved timestamp_hwm). */
export const IteratorOperationSchema = z.union([
  z.enum(['next', 'head', 'tail', 'resend', 'resume']),
  z.number().int().min(0).max(99_999_999_999)
])
export type IteratorOperation = z.infer<typeof IteratorOperationSchema>

export const IteratorModeSchema = z.enum(['one-page', 'until-caught-up', 'follow'])
export type IteratorMode = z.infer<typeof IteratorModeSchema>

export const ExportFormatSchema = z.enum(['ndjson', 'json', 'csv'])
export type ExportFormat = z.infer<typeof ExportFormatSchema>

export const IteratorStartSchema = z.object({
  runId: z.string().min(1).max(128),
  environmentId: z.string().min(1).max(128),
  endpoint: IteratorEndpointSchema,
  index: IndexNameSchema,
  operation: IteratorOperationSchema,
  mode: IteratorModeSchema,
  /** Epoch seconds: stop once timestamp_hwm passes it. */
  endTime: z.number().int().min(0).max(99_999_999_999).optional(),
  export: z.object({ format: ExportFormatSchema, path: z.string().min(1).max(4096) }).optional()
})
export type IteratorStart = z.infer<typeof IteratorStartSchema>

export const IteratorSummarySchema = z.object({
  runId: z.string(),
  /** Why the run ended: caught up, end time reached, one page done, or cancelled. */
  stopReason: z.enum(['one-page', 'caught-up', 'end-time', 'cancelled']),
  pages: z.number(),
  records: z.number(),
  bytes: z.number(),
  timestampHwm: z.number().nullable(),
  exportPath: z.string().nullable(),
  notes: z.array(z.string())
})
export type IteratorSummary = z.infer<typeof IteratorSummarySchema>

export const IteratorProgressSchema = z.object({
  runId: z.string(),
  phase: z.enum(['fetching', 'waiting', 'done']),
  /** Why we are waiting (wait_time, 429 Retry-After, 409 back-off, resend after a broken body). */
  detail: z.string().nullable(),
  pages: z.number(),
  records: z.number(),
  bytes: z.number(),
  recordsPerSecond: z.number(),
  timestampHwm: z.number().nullable(),
  /** 0..1 share of [start, endTime] done; null unless the pull is time-bounded. */
  fraction: z.number().nullable()
})
export type IteratorProgress = z.infer<typeof IteratorProgressSchema>

export const IteratorPagePreviewSchema = z.object({
  runId: z.string(),
  page: z.number(),
  totalRecords: z.number(),
  /** The first records of the page (capped), for the viewer. */
  records: z.array(z.record(z.string(), z.unknown())),
  timestampHwm: z.number().nullable(),
  waitTime: z.number().nullable()
})
export type IteratorPagePreview = z.infer<typeof IteratorPagePreviewSchema>

export const IteratorSavedStateSchema = z.object({
  environmentId: z.string(),
  endpoint: z.string(),
  index: z.string(),
  timestampHwm: z.number().nullable(),
  updatedAt: z.string()
})
export type IteratorSavedState = z.infer<typeof IteratorSavedStateSchema>

export interface IteratorEndpoint {
  kind: 'events' | 'alerts'
  type: string
}

export function parseIteratorEndpoint(path: string): IteratorEndpoint | null {
  const match = ENDPOINT_PATTERN.exec(path)
  if (!match) return null
  const kind = match[1] === 'alerts' ? 'alerts' : 'events'
  const type = match[2] ?? ''
  const known: readonly string[] = kind === 'alerts' ? ALERT_TYPES : EVENT_TYPES
  return known.includes(type) ? { kind, type } : null
}

export function validateIndexName(index: string): string | null {
  return INDEX_PATTERN.test(index) ? null : 'Index names are 1-128 letters, digits, underscore, hyphen, dot or colon (no spaces).'
}

/** Legacy alert `type` values (events/data/alert?type=...) -> dataexport alert types. */
const LEGACY_ALERT_TYPES: Record<string, string> = {
  anomaly: 'uba', uba: 'uba', 'compromised credential': 'compromisedcredential', dlp: 'dlp', 'legal hold': 'dlp',
  malware: 'malware', malsite: 'malsite', policy: 'policy', quarantine: 'quarantine', remediation: 'remediation',
  'security assessment': 'securityassessment', watchlist: 'watchlist'
}

export interface LegacyConversion {
  endpoint: string
  note: string
}

/**
 * `/api/v2/events/data/{type}` (phased out) -> its dataexport equivalent. Alerts with a `type` filter map to that
 * alert type; alerts without one map to the `alert` event stream. Query filters, offsets and time ranges have no
 * iterator equivalent (the iterator pages by index), which the note says. Null for anything else.
 */
export function convertLegacyEndpoint(path: string, alertType?: string | null): LegacyConversion | null {
  const match = /^\/api\/v2\/events\/data\/([a-z]+)\/?$/.exec(path)
  const type = match?.[1]
  if (type === undefined) return null
  const phasing = 'The /api/v2/events/data endpoints are being phased out; Cloud Exchange uses the dataexport iterator endpoints instead.'
  if (type === 'alert' && alertType) {
    const mapped = LEGACY_ALERT_TYPES[alertType.toLowerCase()]
    if (mapped) return { endpoint: `/api/v2/events/dataexport/alerts/${mapped}`, note: `${phasing} Alert type "${alertType}" maps to alerts/${mapped}.` }
  }
  if (!(EVENT_TYPES as readonly string[]).includes(type)) return null
  return {
    endpoint: `/api/v2/events/dataexport/events/${type}`,
    note: `${phasing} query, offset and time filters do not apply: the iterator pages by index (use an epoch operation to start at a time).`
  }
}

export type IteratorAvailability = { available: true } | { available: false; reason: string }

/** The iterator needs a Netskope environment whose credential includes a v2 token. */
export function iteratorAvailability(environment: { api: string; auth: { kind: string } } | null, hasV2Token: boolean): IteratorAvailability {
  if (environment === null) return { available: false, reason: 'Choose a Netskope environment first.' }
  if (environment.auth.kind !== 'netskope') {
    return { available: false, reason: 'The iterator needs a Netskope tenant environment with Netskope token authentication.' }
  }
  if (!hasV2Token) {
    return { available: false, reason: 'The Data Export iterator endpoints need a v2 token: add one in the auth panel (a v1 token is not enough).' }
  }
  return { available: true }
}
