/**
 * One iterator page through the app's normal send path (request runner: environment, vault, auth, TLS, engine).
 * A 200 body is split into records while it streams in (never stored, never one big string); other answers are
 * small and read back from the engine's body store. Classifies the answer for the run loop.
 */
import { AppError } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import type { HttpEngine } from '../http/engine-contract'
import type { RequestRunner } from '../request-runner'
import { PageRecords, splitResultArray, type JsonRecord } from './page-records'
import { PageSplitter } from './page-splitter'
import type { CancelSignal } from '../runs/run-signal'

export interface PageRequest {
  pageRunId: string
  environmentId: string
  endpoint: string
  index: string
  /** next | head | tail | resend | epoch seconds as text */
  operation: string
  signal: CancelSignal
  /**
   * The buffer a 200 page's records are split into, reused from page to page: a page's records are only valid
   * until the next fetch with the same scratch. Without it, each page gets its own buffer.
   */
  scratch?: { buffer: Buffer | null }
  /** Told each answer the tenant gave (before it is classified), for the run's history entry (run-log.ts). */
  onAnswer?: (result: SendResult) => void
}

export type PageOutcome =
  | { kind: 'page'; records: PageRecords; waitTime: number | null; hwm: number | null; bytes: number }
  /** 429: wait Retry-After seconds, then repeat the same operation. */
  | { kind: 'rate-limited'; seconds: number }
  /** 409: another pull holds this endpoint+index; back off and repeat. */
  | { kind: 'conflict'; seconds: number | null }
  /** 200 whose body broke off or does not parse, or a connection dropped mid-body: fetch again with resend. */
  | { kind: 'broken'; message: string }
  /** 5xx: retried with back-off. */
  | { kind: 'server-error'; status: number; message: string }

const READ_CHUNK = 16 * 1024 * 1024
const MID_STREAM_CODES = new Set(['CONNECTION_RESET', 'NETWORK_ERROR', 'DECODE_ERROR'])

export const headerValue = (result: SendResult, name: string): string | null =>
  result.headers.find(([header]) => header.toLowerCase() === name)?.[1] ?? null

function retryAfterSeconds(result: SendResult): number | null {
  const raw = headerValue(result, 'retry-after')
  if (raw === null) return null
  const seconds = Number(raw)
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600)
  const date = Date.parse(raw)
  return Number.isNaN(date) ? null : Math.min(Math.max(0, (date - Date.now()) / 1000), 3600)
}

async function readAll(engine: HttpEngine, responseId: string): Promise<string> {
  let text = ''
  let offset = 0
  for (;;) {
    const chunk = await engine.readBody(responseId, offset, READ_CHUNK)
    text += chunk.text
    if (chunk.eof || chunk.nextOffset <= offset) return text
    offset = chunk.nextOffset
  }
}

/** The server's own words (Kong `{"message"}`), cut short; never echoes request headers. */
export function serverMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed && typeof parsed === 'object' && 'message' in parsed) return String((parsed as { message: unknown }).message).slice(0, 300)
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.trim().slice(0, 200) || '(empty body)'
}

function parsePage(text: string, bytes: number): PageOutcome {
  // Fast path: records cut out as raw text, only the small remainder parsed. A body that does not split cleanly
  // (cut off, unusual shape) goes through JSON.parse, which also yields the precise error for a broken body.
  const split = splitResultArray(text)
  return pageOutcome(split ? split.rest : text, text, bytes, (result) => split
    ? new PageRecords(split.raw)
    : PageRecords.fromParsed(result.filter((item): item is JsonRecord => item !== null && typeof item === 'object' && !Array.isArray(item))))
}

/** A streamed 200 body: the splitter's records and rest, or the whole body through the text path. */
function streamedPage(splitter: PageSplitter, bytes: number): PageOutcome {
  const split = splitter.finish()
  if (!split) return parsePage(splitter.body().toString('utf8'), bytes)
  const rest = split.rest.toString('utf8')
  return pageOutcome(rest, rest, bytes, () => PageRecords.fromNdjson(split.ndjson, split.starts))
}

/** Checks the page object (`json` is the body, or the body with `"result":[]`) and builds the outcome. */
function pageOutcome(json: string, text: string, bytes: number, records: (result: unknown[]) => PageRecords): PageOutcome {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch (error) {
    return { kind: 'broken', message: `the page body is not complete JSON (${(error as Error).message})` }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { kind: 'broken', message: 'the page body is not a JSON object' }
  const body = parsed as { ok?: unknown; result?: unknown; wait_time?: unknown; timestamp_hwm?: unknown }
  if (body.ok !== undefined && body.ok !== 1 && body.ok !== true) {
    throw new AppError('INVALID_INPUT', `The iterator answered ok=${JSON.stringify(body.ok)}: ${serverMessage(text)}`)
  }
  if (!Array.isArray(body.result)) return { kind: 'broken', message: 'the page has no result array' }
  const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null)
  return { kind: 'page', records: records(body.result), waitTime: num(body.wait_time), hwm: num(body.timestamp_hwm), bytes }
}

/** The request of one page (the environment's base URL and v2 token are added by the request runner). */
export function pageSpec(endpoint: string, index: string, operation: string): RequestSpec {
  return {
    method: 'GET',
    url: endpoint,
    query: [
      { name: 'index', value: index, enabled: true },
      { name: 'operation', value: operation, enabled: true }
    ],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: { kind: 'none' }
  }
}

export async function fetchPage(deps: { requests: RequestRunner; engine: HttpEngine }, request: PageRequest): Promise<PageOutcome> {
  const spec = pageSpec(request.endpoint, request.index, request.operation)
  const onAbort = (): void => void deps.requests.cancel(request.pageRunId)
  request.signal.addEventListener('abort', onAbort, { once: true })
  let result: SendResult
  // Only a 200 is a page worth splitting; error answers are small and kept as usual for their message.
  let splitter: PageSplitter | null = null
  const receiveBody = (status: number): ((chunk: Buffer) => void) | null => {
    splitter = status === 200 ? new PageSplitter(request.scratch) : null
    return splitter?.write ?? null
  }
  try {
    if (request.signal.aborted) throw new AppError('CANCELLED', 'The iterator run was cancelled.')
    // Not a history entry of its own: the run records itself once, with this page under it (run-log.ts).
    result = await deps.requests.send(request.pageRunId, spec, request.environmentId, () => undefined, { receiveBody, history: false })
  } catch (error) {
    if (error instanceof AppError && MID_STREAM_CODES.has(error.code) && !request.signal.aborted) {
      return { kind: 'broken', message: error.message }
    }
    throw error
  } finally {
    request.signal.removeEventListener('abort', onAbort)
  }
  request.onAnswer?.(result)
  const streamed: PageSplitter | null = splitter
  if (streamed && result.status === 200) return streamedPage(streamed, result.sizes.decodedBytes)
  try {
    const text = await readAll(deps.engine, result.responseId)
    return classify(result, text, request)
  } finally {
    await deps.engine.release(result.responseId)
  }
}

function classify(result: SendResult, text: string, request: PageRequest): PageOutcome {
  const where = `${request.endpoint} (index ${request.index})`
  switch (result.status) {
    case 200:
      return parsePage(text, result.sizes.decodedBytes)
    case 204:
      return { kind: 'page', records: new PageRecords([]), waitTime: null, hwm: null, bytes: 0 }
    case 429:
      return { kind: 'rate-limited', seconds: retryAfterSeconds(result) ?? 1 }
    case 409:
      return { kind: 'conflict', seconds: retryAfterSeconds(result) }
    case 401:
      throw new AppError('INVALID_INPUT', `The Netskope v2 token was refused by ${where} (HTTP 401): it is wrong, expired or revoked.`,
        'Set a valid v2 token in the environment\'s auth panel.')
    case 403:
      throw new AppError('INVALID_INPUT', `The v2 token lacks the scope for ${where} (HTTP 403: ${serverMessage(text)}).`,
        'Grant this Data Export endpoint to the token in Netskope (Settings > Tools > REST API v2), or use another token.')
    case 404:
      throw new AppError('NOT_FOUND', `The tenant has no iterator endpoint ${request.endpoint} (HTTP 404: ${serverMessage(text)}).`)
    case 422:
      throw new AppError('INVALID_INPUT', `The tenant refused operation ${request.operation} on ${where} (HTTP 422: ${serverMessage(text)}).`)
    default:
      if (result.status >= 500) return { kind: 'server-error', status: result.status, message: serverMessage(text) }
      throw new AppError('INVALID_INPUT', `The iterator request to ${where} failed with HTTP ${result.status}: ${serverMessage(text)}`)
  }
}
