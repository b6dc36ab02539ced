import { z } from 'zod'
import { AppErrorSchema } from '../model/errors'
import { RequestSpecSchema } from '../model/request'
import { HeaderPairSchema } from '../model/response'

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
  error: AppErrorSchema.nullable()
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
}

export const HistoryQuerySchema = z.object({
  /** Case-insensitive substring of "METHOD URL STATUS" (e.g. "post", "/api/v2/events", "404"). */
  text: z.string().max(2048).default(''),
  method: z.string().max(32).optional(),
  /** Exact status ("404") or class prefix ("4", "5xx"). */
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
