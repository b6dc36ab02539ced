import { STATUS_CODES } from 'node:http'
import { performance } from 'node:perf_hooks'
import { finished, pipeline, type Writable } from 'node:stream'
import type { Agent, Dispatcher } from 'undici'
import { AppError } from '@shared/model/errors'
import type { HeaderPair } from '@shared/model/response'
import type { BodySink } from './body-sink'
import type { Cancellation } from './cancellation'
import { forgetObserver, observeNextSend, type ConnectionTiming, type WireObserver } from './connection-timing'
import { createDecoders, decodeError, type DecoderPlan } from './decode'
import { toAppError, type ErrorContext } from './errors'
import { MultipartBody } from './multipart'
import type { ProgressReporter } from './progress'

export interface HopRequest {
  url: URL
  method: string
  headers: HeaderPair[]
  body: string | MultipartBody | null
}

export interface ResponseHead {
  status: number
  statusText: string
  headers: HeaderPair[]
  headerBytes: number
  contentLength: number | null
  contentEncoding: string | null
  contentType: string | null
  location: string | null
}

/** What to do with a response body: drop it (redirect hops) or decode it into a sink. */
export type BodyTarget = { kind: 'discard' } | { kind: 'keep'; sink: BodySink; plan: DecoderPlan }

export interface HopOutcome {
  head: ResponseHead
  target: BodyTarget
  /** The request head as written on the wire (request line + headers), if undici reported it. */
  sentHead: string | null
  connection: ConnectionTiming
  startedAt: number
  requestSentAt: number
  headersAt: number
  endAt: number
  wireBytes: number
}

export interface HopOptions {
  /** Cancel, total timeout, engine closed. */
  cancellation: Cancellation
  progress: ProgressReporter
  /** Decides at the response head; may throw an AppError to stop (e.g. too many redirects). */
  decide: (head: ResponseHead) => BodyTarget
  errorContext: ErrorContext
}

/** Sends one request (no redirect handling) and streams its body into the chosen target. */
export function runHop(agent: Agent, request: HopRequest, options: HopOptions): Promise<HopOutcome> {
  return new Promise<HopOutcome>((resolve, reject) => {
    const handler = new HopHandler(request, options, resolve, reject)
    if (options.cancellation.reason) {
      handler.fail(options.cancellation.reason)
      return
    }
    options.cancellation.onCancel(handler.onAbort)
    options.progress.setPhase('connecting')
    const headers: string[] = []
    for (const [name, value] of request.headers) headers.push(name, value)
    const body = request.body instanceof MultipartBody ? request.body.stream() : request.body
    if (request.body instanceof MultipartBody) headers.push('content-length', String(request.body.length))
    try {
      agent.dispatch(
        { origin: request.url.origin, path: request.url.pathname + request.url.search, method: request.method, headers, body },
        handler
      )
    } catch (error) {
      handler.fail(error)
    }
  })
}

class HopHandler implements Dispatcher.DispatchHandler, WireObserver {
  private controller: Dispatcher.DispatchController | null = null
  private settled = false
  private head: ResponseHead | null = null
  private target: BodyTarget = { kind: 'discard' }
  private input: Writable | null = null
  private paused = false
  private sentHead: string | null = null
  private connection: ConnectionTiming = { dnsMs: 0, connectMs: 0, tlsMs: 0 }
  private readonly startedAt = performance.now()
  private requestSentAt = 0
  private headersAt = 0
  private wireBytes = 0

  constructor(
    private readonly request: HopRequest,
    private readonly options: HopOptions,
    private readonly resolve: (outcome: HopOutcome) => void,
    private readonly reject: (error: AppError) => void
  ) {}

  readonly onAbort = (reason: AppError): void => this.fail(reason)

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.controller = controller
    if (this.settled) {
      controller.abort(new AppError('CANCELLED', 'The request was cancelled.'))
      return
    }
    observeNextSend(this, this.request.body !== null)
  }

  onHeadSent(head: string, timing: ConnectionTiming): void {
    this.sentHead = head
    this.connection = timing
    this.requestSentAt = performance.now()
    this.options.progress.setPhase('sending')
  }

  onBodySent(): void {
    this.requestSentAt = performance.now()
    this.options.progress.setPhase('waiting')
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, _headers: unknown, statusMessage?: string): void {
    if (this.settled) return
    this.headersAt = performance.now()
    const head = readHead(statusCode, statusMessage, controller.rawHeaders)
    this.head = head
    try {
      this.target = this.options.decide(head)
    } catch (error) {
      this.fail(error)
      return
    }
    this.options.progress.startBody(head.contentLength)
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.settled) return
    this.wireBytes += chunk.length
    this.options.progress.bytes(this.wireBytes)
    if (this.target.kind === 'discard') return
    const input = this.input ?? this.openPipeline(this.target, chunk[0])
    if (!input.write(chunk) && !this.paused) {
      this.paused = true
      controller.pause()
      input.once('drain', () => {
        this.paused = false
        controller.resume()
      })
    }
  }

  onResponseEnd(): void {
    if (this.settled) return
    if (this.target.kind === 'discard') {
      this.complete()
      return
    }
    const input = this.input ?? this.openPipeline(this.target, undefined)
    input.end()
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error)
  }

  /** Builds decoders (lazily: deflate's flavour depends on the first byte) piped into the sink. */
  private openPipeline(target: Extract<BodyTarget, { kind: 'keep' }>, firstByte: number | undefined): Writable {
    const decoders = firstByte === undefined ? [] : createDecoders(target.plan, firstByte)
    const done = (error: Error | null | undefined): void => {
      if (!error) this.complete()
      // Sink failures are already AppErrors (size cap, disk); anything else comes from zlib.
      else if (error instanceof AppError || decoders.length === 0) this.fail(error)
      else this.fail(decodeError(error, this.head?.contentEncoding ?? ''))
    }
    if (decoders.length === 0) {
      finished(target.sink, (error) => done(error ?? null))
      this.input = target.sink
    } else {
      pipeline([...decoders, target.sink], done)
      this.input = decoders[0] ?? target.sink
    }
    return this.input
  }

  private complete(): void {
    if (this.settled || !this.head) return
    this.settled = true
    this.options.cancellation.onCancel(null)
    if (this.request.body !== null) forgetObserver(this)
    const outcome: HopOutcome = {
      head: this.head,
      target: this.target,
      sentHead: this.sentHead,
      connection: this.connection,
      startedAt: this.startedAt,
      requestSentAt: this.requestSentAt || this.headersAt,
      headersAt: this.headersAt,
      endAt: performance.now(),
      wireBytes: this.wireBytes
    }
    // undici frees a keep-alive socket one event-loop turn after the response (setImmediate in client-h1). Resolving
    // after that turn lets the caller's next send reuse this connection instead of opening a second one.
    setImmediate(() => this.resolve(outcome))
  }

  fail(error: unknown): void {
    if (this.settled) return
    this.settled = true
    this.options.cancellation.onCancel(null)
    if (this.request.body !== null) forgetObserver(this)
    const appError = toAppError(error, this.options.errorContext)
    // Stop the download (undici then destroys the socket) and delete whatever was written so far.
    if (this.controller && !this.controller.aborted) this.controller.abort(appError)
    // Destroyed without an error argument: nobody listens for 'error' on a sink whose pipeline never started.
    this.input?.destroy()
    const sink = this.target.kind === 'keep' ? this.target.sink : null
    if (sink === null || sink.closed) {
      this.reject(appError)
      return
    }
    // Settle only once the partial body file is deleted, so nothing is left behind when the caller sees the error.
    sink.once('close', () => this.reject(appError))
    sink.destroy()
  }
}

function readHead(status: number, statusMessage: string | undefined, raw: Dispatcher.DispatchController['rawHeaders']): ResponseHead {
  const headers: HeaderPair[] = []
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i]
      const value = raw[i + 1]
      headers.push([typeof name === 'string' ? name : (name?.toString('latin1') ?? ''), typeof value === 'string' ? value : (value?.toString('latin1') ?? '')])
    }
  }
  const statusText = statusMessage?.trim() || STATUS_CODES[status] || ''
  let headerBytes = `HTTP/1.1 ${status} ${statusText}\r\n\r\n`.length
  const find = (wanted: string): string | null => headers.find(([name]) => name.toLowerCase() === wanted)?.[1] ?? null
  for (const [name, value] of headers) headerBytes += name.length + value.length + 4
  const length = find('content-length')
  return {
    status,
    statusText,
    headers,
    headerBytes,
    contentLength: length !== null && /^\d+$/.test(length.trim()) ? Number(length.trim()) : null,
    contentEncoding: find('content-encoding'),
    contentType: find('content-type'),
    location: find('location')
  }
}
