import { HISTORY_FORMAT, type HistoryEntry, type IteratorRunLog } from '@shared/collections/history-entry'
import { rewriteJsonText } from '@shared/collections/credential-walk'
import { redactRequestSpec } from '@shared/collections/secrets'
import type { AppErrorShape } from '@shared/model/errors'
import type { RequestBody, RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import { maskSecret, redactHeaders, redactUrl } from '@shared/redaction/redact'

/** The parts of a SendResult that history keeps (a whole SendResult fits). */
export type HistoryResult = Pick<SendResult, 'status' | 'statusText' | 'httpVersion' | 'sizes' | 'contentType' | 'headers' | 'preview'> & {
  timings: Pick<SendResult['timings'], 'totalMs'>
  requestEcho: Pick<SendResult['requestEcho'], 'url'>
}

/** What the send path hands to history: the request as typed, and either a result or an error. */
export interface HistoryInput {
  spec: RequestSpec
  environmentId: string | null
  operationId?: string | null
  savedRequestId?: string | null
  result?: HistoryResult
  error?: AppErrorShape
  /** Set by the caller when known (e.g. the engine failed after resolving); otherwise taken from the result. */
  sentUrl?: string
  /** When the send finished (ms since the epoch), if history builds the entry later; default: when it builds it. */
  finishedAt?: number
  /** The send's secret values (SendOptions.secretValues): masked in every field in every form (mask-input.ts). */
  secretValues?: readonly string[]
  /** An iterator run: the pages under this one entry (the spec and result are its first and last pages). */
  run?: IteratorRunLog
}

export interface BuildOptions {
  id: string
  time: Date
  previewBytes: number
  requestBodyBytes: number
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function capUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (text.length <= maxBytes / 3) return { text, truncated: false }
  const bytes = encoder.encode(text)
  if (bytes.length <= maxBytes) return { text, truncated: false }
  return { text: decoder.decode(bytes.subarray(0, maxBytes)).replace(/\uFFFD+$/, ''), truncated: true }
}

function capBody(body: RequestBody, maxBytes: number): { body: RequestBody; truncated: boolean } {
  if (body.kind !== 'json' && body.kind !== 'text') return { body, truncated: false }
  const capped = capUtf8(body.text, maxBytes)
  return { body: { ...body, text: capped.text }, truncated: capped.truncated }
}

/** Masks JSON members such as "access_token" or "session_id" that login responses carry. */
function redactPreview(text: string): string {
  return rewriteJsonText(text, (hit) => maskSecret(hit.value))
}

export function buildHistoryEntry(input: HistoryInput, options: BuildOptions): HistoryEntry {
  const redacted = redactRequestSpec(input.spec)
  const { body, truncated } = capBody(redacted.body, options.requestBodyBytes)
  const result = input.result
  const sentUrl = input.sentUrl ?? result?.requestEcho.url ?? null
  return {
    id: options.id,
    time: options.time.toISOString(),
    environmentId: input.environmentId,
    operationId: input.operationId ?? null,
    savedRequestId: input.savedRequestId ?? null,
    request: { ...redacted, body },
    requestBodyTruncated: truncated,
    sentUrl: sentUrl === null ? null : redactUrl(sentUrl),
    response: result
      ? {
          status: result.status,
          statusText: result.statusText,
          httpVersion: result.httpVersion,
          durationMs: result.timings.totalMs,
          sizes: result.sizes,
          contentType: result.contentType,
          headers: redactHeaders(result.headers),
          bodyPreview: previewOf(result.preview, options.previewBytes)
        }
      : null,
    error: input.error ? { code: input.error.code, message: input.error.message } : null,
    v: HISTORY_FORMAT,
    run: input.run ?? null
  }
}

/**
 * Text beyond the kept preview that is still redacted before the cut, so a credential member that starts inside the
 * kept part is seen whole (unless its value is longer than this). Redacting all of the engine's preview (256 KiB of
 * JSON) to keep 8 KiB cost ~3 ms per send; with the margin ~0.7 ms.
 */
const REDACT_MARGIN_CHARS = 64 * 1024

/** Response preview kept per history entry by default. */
export const HISTORY_PREVIEW_BYTES = 8 * 1024

/** The part of a response preview history keeps, plus the redaction margin: the rest need not leave the send path. */
export function keptPreview(preview: HistoryResult['preview'], previewBytes = HISTORY_PREVIEW_BYTES): HistoryResult['preview'] {
  const limit = previewBytes + REDACT_MARGIN_CHARS
  return preview.text.length > limit ? { text: preview.text.slice(0, limit), truncated: true, binary: preview.binary } : preview
}

/**
 * Only what buildHistoryEntry reads, with the preview cut by keptPreview: what a history call (record) copies to the
 * history worker (a result's preview alone can be 256 KiB).
 */
export function slimHistoryInput(input: HistoryInput): HistoryInput {
  const result = input.result
  const finishedAt = input.finishedAt ?? Date.now()
  if (!result) return { ...input, finishedAt }
  return {
    ...input,
    finishedAt,
    result: {
      status: result.status,
      statusText: result.statusText,
      httpVersion: result.httpVersion,
      sizes: result.sizes,
      contentType: result.contentType,
      headers: result.headers,
      preview: keptPreview(result.preview),
      timings: { totalMs: result.timings.totalMs },
      requestEcho: { url: result.requestEcho.url }
    }
  }
}

function previewOf(preview: HistoryResult['preview'], maxBytes: number): { text: string; truncated: boolean; binary: boolean } {
  if (preview.binary) return { text: '', truncated: preview.truncated || preview.text !== '', binary: true }
  // maxBytes of UTF-8 never hold more than maxBytes characters.
  const head = preview.text.length > maxBytes + REDACT_MARGIN_CHARS ? preview.text.slice(0, maxBytes + REDACT_MARGIN_CHARS) : preview.text
  const capped = capUtf8(redactPreview(head), maxBytes)
  return { text: capped.text, truncated: preview.truncated || capped.truncated, binary: false }
}
