import { performance } from 'node:perf_hooks'
import type { RequestSpec } from '@shared/model/request'
import type { HeaderPair, SendResult } from '@shared/model/response'
import { AppError } from '@shared/model/errors'
import { redactHeaders, redactUrl } from '@shared/redaction/redact'
import type { AgentPool } from './agent-pool'
import { BodySink } from './body-sink'
import { Cancellation } from './cancellation'
import type { BodyStore } from './body-store'
import { planDecoding } from './decode'
import { seconds } from './errors'
import { runHop, type BodyTarget, type HopOutcome, type HopRequest } from './exchange'
import { invalidUtf8Warning, makePreview } from './preview'
import { ProgressReporter } from './progress'
import type { SendsInFlight } from './in-flight'
import { composeHeaders } from './request-headers'
import { prepareBody } from './request-body'
import { REDIRECT_STATUSES, followRedirect } from './redirects'
import type { SendOptions } from './engine-contract'
import { buildUrl, validateHeaders, validateMethod } from './validate'

export interface SendContext {
  agents: AgentPool
  store: BodyStore
  previewBytes: number
  /** Sends in flight with their total timeouts and progress delay; cancelled when the engine closes. */
  inFlight: SendsInFlight
}

const NO_BODY_STATUSES = new Set([204, 304])
const ONCE = Object.freeze({ once: true })
/**
 * Head kept of a body that goes to a receiver (iterator pages, ~10 MB each): nobody reads its full preview, and a
 * 256 KiB one cost ~5 ms per page to decode, mask and redact for history (which keeps 8 KiB of it anyway).
 */
const RECEIVED_HEAD_BYTES = 16 * 1024 + 4

/** One send: validate, build the body, follow redirects by hand, stream the final body into the store. */
export async function sendRequest(context: SendContext, spec: RequestSpec, options: SendOptions): Promise<SendResult> {
  const startedAt = performance.now()
  if (context.inFlight.isClosed) throw cancelled(true)
  if (options.signal?.aborted) throw cancelled(false)

  const method = validateMethod(spec.method)
  const url = buildUrl(spec.url, spec.query)
  const userHeaders = validateHeaders(spec.headers)

  const cancellation = new Cancellation()
  // Made by a module-level factory: see ignore() in body-sink.ts on named per-request closures.
  const onCancel = cancelOnAbort(cancellation)
  options.signal?.addEventListener('abort', onCancel, ONCE)
  const progress = new ProgressReporter(options.onProgress, context.inFlight.progressDelayMs <= 0)
  context.inFlight.add(
    cancellation,
    options.totalTimeoutMs,
    () =>
      cancellation.cancel(
        new AppError(
          'TIMEOUT_TOTAL',
          `The request did not complete within the total timeout of ${seconds(options.totalTimeoutMs)}.`,
          'Raise the total timeout in Settings for slow or large responses.'
        )
      ),
    progress
  )

  try {
    const preparing = prepareBody(spec.body)
    const prepared = preparing instanceof Promise ? await preparing : preparing
    const { headers, warnings } = composeHeaders(userHeaders, prepared)
    warnings.unshift(...prepared.warnings)
    const agentKey = { verify: options.tls.verify, caPath: options.tls.caPath, connectTimeoutMs: options.connectTimeoutMs }
    const gotAgent = context.agents.get(agentKey)
    const agent = gotAgent instanceof Promise ? await gotAgent : gotAgent
    if (!context.store.isReady) await context.store.allocate()
    if (cancellation.reason) throw cancellation.reason

    const redirects: SendResult['redirects'] = []
    let hop: HopRequest = { url, method, headers, body: prepared.body }
    let sawHttps = false
    let outcome: HopOutcome
    let bodyId = ''
    let received = false
    for (;;) {
      sawHttps ||= hop.url.protocol === 'https:'
      const current = hop
      outcome = await runHop(agent, current, {
        cancellation,
        progress,
        errorContext: { url: current.url, connectTimeoutMs: options.connectTimeoutMs },
        decide: (head): BodyTarget => {
          if (options.maxRedirects > 0 && REDIRECT_STATUSES.has(head.status) && head.location !== null) {
            if (redirects.length >= options.maxRedirects) throw tooManyRedirects(redirects.length, current.url, head.location)
            return { kind: 'discard' }
          }
          const slot = context.store.next()
          bodyId = slot.id
          const plan = planDecoding(head.contentEncoding)
          if (plan.unsupported !== null) {
            warnings.push(`The body uses Content-Encoding "${plan.unsupported}", which cannot be decoded; it is shown as received.`)
          }
          const receiver = options.receiveBody?.(head.status) ?? null
          const sink = new BodySink({
            path: slot.path,
            memoryLimit: context.previewBytes,
            headBytes: receiver ? Math.min(RECEIVED_HEAD_BYTES, context.previewBytes + 4) : context.previewBytes + 4,
            maxDecodedBytes: options.maxDecodedBytes,
            ...(receiver ? { receiver } : {})
          })
          received = sink.receives
          return { kind: 'keep', sink, plan }
        }
      })
      if (outcome.target.kind === 'keep') break
      const step = followRedirect(current, outcome.head.status, outcome.head.location ?? '', options.secretValues)
      redirects.push({ status: outcome.head.status, url: redactUrl(current.url.href), droppedCredentials: step.droppedCredentials })
      hop = step.next
    }

    const sink = outcome.target.sink
    const { stored, head } = sink.result()
    if (cancellation.reason) {
      await sink.destroy()
      throw cancellation.reason
    }
    if (!received) context.store.keep(bodyId, stored, options.secretValues)
    progress.setPhase('done')
    if (!options.tls.verify && sawHttps) warnings.push("TLS verification is off: the server's certificate was not checked.")
    return buildResult(bodyId, hop, outcome, sink.bytes, head, redirects, warnings, context.previewBytes, startedAt)
  } finally {
    context.inFlight.remove(cancellation)
    cancellation.settle()
    options.signal?.removeEventListener('abort', onCancel)
  }
}

function cancelOnAbort(cancellation: Cancellation): () => void {
  return () => cancellation.cancel(cancelled(false))
}

export function cancelled(byShutdown: boolean): AppError {
  return new AppError('CANCELLED', byShutdown ? 'The request was cancelled because the app is closing.' : 'The request was cancelled.')
}

function tooManyRedirects(count: number, from: URL, location: string): AppError {
  let target = location
  try {
    target = new URL(location, from).href
  } catch {
    // Keep the raw Location text.
  }
  return new AppError(
    'TOO_MANY_REDIRECTS',
    `Stopped after ${count} redirect${count === 1 ? '' : 's'} (the limit set in Settings): ${redactUrl(from.href)} redirects again, to ${redactUrl(target)}.`,
    'The server may be redirecting in a loop (often a login page). Check the URL and credentials, or raise the limit in Settings.'
  )
}

const round = (ms: number): number => Math.max(0, Math.round(ms * 100) / 100)

function buildResult(
  responseId: string,
  hop: HopRequest,
  outcome: HopOutcome,
  decodedBytes: number,
  head: Buffer,
  redirects: SendResult['redirects'],
  warnings: string[],
  previewBytes: number,
  startedAt: number
): SendResult {
  const response = outcome.head
  const hasBody = hop.method !== 'HEAD' && !NO_BODY_STATUSES.has(response.status)
  const finalUrl = redactUrl(hop.url.href)
  const preview = makePreview(head, decodedBytes, previewBytes)
  const notUtf8 = invalidUtf8Warning(head, decodedBytes, preview)
  if (notUtf8 !== null) warnings.push(notUtf8)
  return {
    responseId,
    status: response.status,
    statusText: response.statusText,
    httpVersion: '1.1',
    url: finalUrl,
    headers: response.headers,
    redirects,
    timings: {
      dnsMs: round(outcome.connection.dnsMs),
      connectMs: round(outcome.connection.connectMs),
      tlsMs: round(outcome.connection.tlsMs),
      ttfbMs: round(outcome.headersAt - outcome.requestSentAt),
      downloadMs: round(outcome.endAt - outcome.headersAt),
      totalMs: round(performance.now() - startedAt)
    },
    sizes: { wireBytes: hasBody ? outcome.wireBytes : 0, decodedBytes, headerBytes: response.headerBytes },
    contentType: response.contentType,
    contentEncoding: response.contentEncoding,
    preview,
    requestEcho: { method: hop.method, url: finalUrl, headers: redactHeaders(echoHeaders(outcome.sentHead, hop)) },
    warnings
  }
}

const PAYLOAD_METHODS = new Set(['POST', 'PUT', 'PATCH'])

/** The headers as written by undici (its head text), plus the Content-Length it appends for in-memory bodies. */
function echoHeaders(sentHead: string | null, hop: HopRequest): HeaderPair[] {
  const pairs: HeaderPair[] = []
  if (sentHead !== null) {
    // "METHOD path HTTP/1.1\r\n" then "name: value\r\n" lines.
    let at = sentHead.indexOf('\r\n') + 2
    for (let end = sentHead.indexOf('\r\n', at); at > 1 && end > 0; at = end + 2, end = sentHead.indexOf('\r\n', at)) {
      const colon = sentHead.indexOf(':', at)
      if (colon > at && colon < end) pairs.push([sentHead.slice(at, colon), sentHead.slice(colon + 1, end).trim()])
    }
  } else {
    pairs.push(['host', hop.url.host], ...hop.headers)
  }
  const length = hop.body === null ? 0 : typeof hop.body === 'string' ? Buffer.byteLength(hop.body) : hop.body.length
  if (length > 0 || PAYLOAD_METHODS.has(hop.method)) pairs.push(['content-length', String(length)])
  return pairs
}
