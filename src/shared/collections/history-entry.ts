import { z } from 'zod'
import { AppErrorSchema } from '../model/errors'
import { RequestSpecSchema } from '../model/request'
import { HeaderPairSchema } from '../model/response'

/** One request of an iterator run: a page, or an answer the run waited on and retried (429, 409, 5xx, broken body). */
export const IteratorPageLogSchema = z.object({
  /** 1-based attempt number within the run. */
  attempt: z.number().int(),
  /** ISO 8601 time the answer arrived. */
  time: z.string(),
  /** next | head | tail | resend | epoch seconds as text. */
  operation: z.string(),
  outcome: z.enum(['page', 'rate-limited', 'conflict', 'server-error', 'broken', 'failed']),
  status: z.number().nullable(),
  records: z.number().nullable(),
  bytes: z.number(),
  durationMs: z.number(),
  timestampHwm: z.number().nullable(),
  waitTime: z.number().nullable(),
  /** Why the page was retried or the run stopped (redacted like every other message in history). */
  note: z.string().nullable()
})
export type IteratorPageLog = z.infer<typeof IteratorPageLogSchema>

/** Pages listed per run entry; a longer run keeps the first and the last ones and counts the rest. */
export const MAX_RUN_PAGE_LOG = 500

/** An iterator run recorded as one history entry (its pages under it instead of one entry per page). */
export const IteratorRunLogSchema = z.object({
  kind: z.literal('iterator'),
  runId: z.string(),
  endpoint: z.string(),
  index: z.string(),
  mode: z.string(),
  /** ISO 8601 time the run started (the entry's `time` is when it ended). */
  startedAt: z.string(),
  stopReason: z.enum(['one-page', 'caught-up', 'end-time', 'cancelled', 'failed']),
  pages: z.number(),
  records: z.number(),
  bytes: z.number(),
  timestampHwm: z.number().nullable(),
  exportPath: z.string().nullable(),
  pageList: z.array(IteratorPageLogSchema),
  /** Pages left out of pageList (beyond MAX_RUN_PAGE_LOG). */
  pagesOmitted: z.number()
})
export type IteratorRunLog = z.infer<typeof IteratorRunLogSchema>

/**
 * Format of a history line. 1: no `v` (before run entries). 2: `v: 2`, and `run` (null for a single send).
 * parseHistoryLine reads both; a line from a newer format is skipped (and counted), never rewritten.
 */
export const HISTORY_FORMAT = 2

/** One sent request in history. Everything in it is redacted before it is written (see build-entry.ts in main). */
export const HistoryEntrySchema = z.object({
  id: z.string().min(1),
  /** ISO 8601 time the request was sent. */
  time: z.string(),
  environmentId: z.string().nullable(),
  operationId: z.string().nullable(),
  /** Saved request it was sent from, so "re-open" can offer the saved copy too. */
  savedRequestId: z.string().nullable(),
  /** The request as the user wrote it (with {{variables}}), credentials masked; bodies capped. */
  request: RequestSpecSchema,
  requestBodyTruncated: z.boolean(),
  /** The final URL as sent (variables resolved, credentials masked); null when the send failed before that. */
  sentUrl: z.string().nullable(),
  response: z
    .object({
      status: z.number(),
      statusText: z.string(),
      httpVersion: z.string(),
      durationMs: z.number(),
      sizes: z.object({ wireBytes: z.number(), decodedBytes: z.number(), headerBytes: z.number() }),
      contentType: z.string().nullable(),
      headers: z.array(HeaderPairSchema),
      /** At most the store's preview cap (8 KB by default), credentials in JSON members masked. */
      bodyPreview: z.object({ text: z.string(), truncated: z.boolean(), binary: z.boolean() })
    })
    .nullable(),
  error: AppErrorSchema.nullable(),
  /** Format 1 lines have no `v` and no `run` (see HISTORY_FORMAT). */
  v: z.literal(HISTORY_FORMAT).default(HISTORY_FORMAT),
  /** An iterator run: its pages; null for a single send. */
  run: IteratorRunLogSchema.nullable().default(null)
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/** What a history list shows; the full entry is fetched by id. */
export interface HistorySummary {
  id: string
  time: string
  method: string
  url: string
  status: number | null
  durationMs: number | null
  sizeBytes: number | null
  errorCode: string | null
  environmentId: string | null
  /** The environment's current name; null without one, or when it was deleted since. */
  environmentName?: string | null
  run: Pick<IteratorRunLog, 'kind' | 'pages' | 'records' | 'stopReason' | 'startedAt'> | null
}

export const HistoryQuerySchema = z.object({
  /** Case-insensitive substring of "METHOD URL STATUS" (e.g. "post", "/api/v2/events", "404"). */
  text: z.string().max(2048).default(''),
  method: z.string().max(32).optional(),
  /** Exact status ("404"), class prefix ("4", "5xx"), or "error" (no response: the send failed). */
  status: z.string().max(8).optional(),
  environmentId: z.string().max(128).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100)
})
export type HistoryQuery = z.input<typeof HistoryQuerySchema>

export interface HistoryPage {
  items: HistorySummary[]
  /** Matches in total, so the UI can page with offset. */
  total: number
}
