import { STATUS_CODES } from 'node:http'
import { performance } from 'node:perf_hooks'
import type { Transform } from 'node:stream'
import type { Agent, Dispatcher } from 'undici'
import { AppError } from '@shared/model/errors'
import type { HeaderPair } from '@shared/model/response'
import type { BodySink } from './body-sink'
import type { Cancellation } from './cancellation'
import { forgetObserver, observeNextSend, type ConnectionTiming, type WireObserver } from './connection-timing'
import { createDecoders, decodeError, type DecoderPlan } from './decode'
import { toAppError, withProgress, type ErrorContext } from './errors'
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
    // An unnamed arrow (not a handler field): see ignore() in body-sink.ts on named per-request closures.
    options.cancellation.onCancel((reason) => handler.fail(reason))
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
  /** null until the body starts; then the zlib chain (empty for identity). */
  private decoders: Transform[] | null = null
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
    const target = this.target
    if (target.kind === 'discard') return
    const decoders = this.decoders ?? this.startBody(target, chunk[0])
    try {
      const first = decoders[0]
      if (!(first ? first.write(chunk) : target.sink.write(chunk)) && !this.paused) {
        this.paused = true
        controller.pause()
      }
    } catch (error) {
      this.fail(error)
    }
  }

  onResponseEnd(): void {
    if (this.settled) return
    const target = this.target
    if (target.kind === 'discard') {
      this.complete()
      return
    }
    const decoders = this.decoders ?? this.startBody(target, undefined)
    const first = decoders[0]
    if (first) first.end()
    else target.sink.end()
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.fail(error)
  }

  private resumeWire(): void {
    if (!this.paused || this.settled) return
    this.paused = false
    this.controller?.resume()
  }

  /**
   * Connects wire -> zlib decoders (built lazily: deflate's flavour depends on the first byte) -> sink, with
   * backpressure at each step: a full decoder or a busy disk pauses undici's socket reads.
   */
  private startBody(target: Extract<BodyTarget, { kind: 'keep' }>, firstByte: number | undefined): Transform[] {
    const sink = target.sink
    sink.onDone = (error) => (error ? this.fail(error) : this.complete())
    const decoders = firstByte === undefined ? [] : createDecoders(target.plan, firstByte)
    this.decoders = decoders
    const first = decoders[0]
    const last = decoders[decoders.length - 1]
    if (!first || !last) {
      sink.onDrain = () => this.resumeWire()
      return decoders
    }
    const coding = this.head?.contentEncoding ?? ''
    for (let i = 0; i + 1 < decoders.length; i++) decoders[i]?.pipe(decoders[i + 1] as Transform)
    for (const decoder of decoders) decoder.on('error', (error: Error) => this.fail(decodeError(error, coding)))
    first.on('drain', () => this.resumeWire())
    last.on('data', (chunk: Buffer) => {
      try {
        if (!sink.write(chunk)) last.pause()
      } catch (error) {
        this.fail(error)
      }
    })
    sink.onDrain = () => last.resume()
    last.on('end', () => sink.end())
    return decoders
  }

  private complete(): void {
    if (this.settled || !this.head) return
    this.settled = true
    this.options.cancellation.onCancel(null)
    forgetObserver(this)
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
    // undici frees a keep-alive socket one event-loop turn after the response: it queues setImmediate right after
    // calling our onResponseEnd (client-h1 onMessageComplete). Queueing ours after that one (hence the nextTick)
    // lets the caller's next send reuse this connection instead of opening a second one.
    process.nextTick(() => setImmediate(() => this.resolve(outcome)))
  }

  fail(error: unknown): void {
    if (this.settled) return
    this.settled = true
    this.options.cancellation.onCancel(null)
    forgetObserver(this)
    const head = this.head
    const body = head && { received: this.wireBytes, announced: head.contentLength }
    const appError = withProgress(toAppError(error, this.options.errorContext), this.request.url, body)
    // Stop the download (undici then destroys the socket) and delete whatever was written so far.
    if (this.controller && !this.controller.aborted) this.controller.abort(appError)
    for (const decoder of this.decoders ?? []) decoder.destroy()
    if (this.target.kind === 'discard') {
      this.reject(appError)
      return
    }
    // Settle only once the partial body file is deleted, so nothing is left behind when the caller sees the error.
    void this.target.sink.destroy().then(() => this.reject(appError))
  }
}

function readHead(status: number, statusMessage: string | undefined, raw: Dispatcher.DispatchController['rawHeaders']): ResponseHead {
  const statusText = statusMessage?.trim() || STATUS_CODES[status] || ''
  const head: ResponseHead = {
    status,
    statusText,
    headers: [],
    headerBytes: 17 + statusText.length,
    contentLength: null,
    contentEncoding: null,
    contentType: null,
    location: null
  }
  if (!Array.isArray(raw)) return head
  // One pass: this runs for every response, so no per-lookup scans or lower-casing.
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const rawName = raw[i]
    const rawValue = raw[i + 1]
    const name = typeof rawName === 'string' ? rawName : (rawName?.toString('latin1') ?? '')
    const value = typeof rawValue === 'string' ? rawValue : (rawValue?.toString('latin1') ?? '')
    head.headers.push([name, value])
    head.headerBytes += name.length + value.length + 4
    if (name.length < 8 || name.length > 16) continue
    switch (name.toLowerCase()) {
      case 'content-length':
        if (head.contentLength === null && /^\s*\d+\s*$/.test(value)) head.contentLength = Number(value)
        break
      case 'content-encoding':
        head.contentEncoding ??= value
        break
      case 'content-type':
        head.contentType ??= value
        break
      case 'location':
        head.location ??= value
        break
    }
  }
  return head
}
