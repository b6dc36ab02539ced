import diagnosticsChannel from 'node:diagnostics_channel'
import type { Socket } from 'node:net'
import { performance } from 'node:perf_hooks'
import type buildConnector from 'undici/types/connector'

/** How long the phases of opening one connection took. Reported once: a reused keep-alive connection costs 0. */
export interface ConnectionTiming {
  dnsMs: number
  connectMs: number
  tlsMs: number
}

const ZERO: ConnectionTiming = { dnsMs: 0, connectMs: 0, tlsMs: 0 }

interface SocketRecord {
  timing: ConnectionTiming
  reported: boolean
}

/** Sockets opened by our connectors. Also tells our requests apart from other undici users in the process. */
const sockets = new WeakMap<Socket, SocketRecord>()

type Connect = (options: buildConnector.Options, callback: buildConnector.Callback) => unknown

/**
 * Wraps undici's connector to time DNS ('lookup' event), TCP connect and the TLS handshake of each new socket.
 * undici's connector returns the socket synchronously (undici/lib/core/connect.js), which lets us listen before
 * any of those events fire.
 */
export function timedConnector(base: buildConnector.connector): buildConnector.connector {
  const connect = base as Connect
  return (options, callback) => {
    const start = performance.now()
    const record: SocketRecord = { timing: { dnsMs: 0, connectMs: 0, tlsMs: 0 }, reported: false }
    let resolvedAt = start
    let connectedAt = start
    let tracked = false
    const returned = connect(options, (error, socket) => {
      if (socket) {
        const now = performance.now()
        if (!tracked) record.timing.connectMs = now - start
        else if (options.protocol === 'https:') record.timing.tlsMs = now - connectedAt
        sockets.set(socket, record)
      }
      if (error) callback(error, null)
      else if (socket) callback(null, socket)
    })
    if (isSocket(returned)) {
      tracked = true
      returned.once('lookup', () => {
        resolvedAt = performance.now()
        record.timing.dnsMs = resolvedAt - start
      })
      returned.once('connect', () => {
        connectedAt = performance.now()
        record.timing.connectMs = connectedAt - resolvedAt
      })
    }
  }
}

function isSocket(value: unknown): value is Socket {
  return typeof value === 'object' && value !== null && typeof (value as Socket).once === 'function'
}

/** What an in-flight request learns from undici's diagnostics channels. */
export interface WireObserver {
  /** The request head was written: raw head text and, for a fresh connection, its timing. */
  onHeadSent(head: string, timing: ConnectionTiming): void
  /** The request body (if any) has been fully written. */
  onBodySent(): void
}

let starting: { observer: WireObserver; hasBody: boolean } | null = null
/**
 * Requests whose body is still being written, searched linearly (there are rarely more than a few). Not a
 * WeakMap keyed by undici's request: one WeakMap entry per request made young-generation GC markedly slower
 * (ephemeron processing), costing about a fifth of a loopback request.
 */
const uploading: { request: object; observer: WireObserver }[] = []
let subscribed = false

/**
 * Called from the handler's onRequestStart. undici calls it synchronously right before publishing
 * 'undici:client:sendHeaders' for the same request on the same socket (client-h1.js writeH1), so the next
 * publish on one of our sockets belongs to this observer.
 */
export function observeNextSend(observer: WireObserver, hasBody: boolean): void {
  ensureSubscribed()
  starting = { observer, hasBody }
}

/** Stops tracking an observer's upload (its request ended or failed before the body was sent). */
export function forgetObserver(observer: WireObserver): void {
  if (starting?.observer === observer) starting = null
  const index = uploading.findIndex((entry) => entry.observer === observer)
  if (index >= 0) uploading.splice(index, 1)
}

interface SendHeadersMessage {
  request: object
  headers: string
  socket: Socket
}

function ensureSubscribed(): void {
  if (subscribed) return
  subscribed = true
  diagnosticsChannel.subscribe('undici:client:sendHeaders', (message) => {
    const { request, headers, socket } = message as SendHeadersMessage
    const pending = starting
    const record = sockets.get(socket)
    if (pending === null || record === undefined) return
    starting = null
    const timing = record.reported ? ZERO : record.timing
    record.reported = true
    pending.observer.onHeadSent(typeof headers === 'string' ? headers : '', timing)
    if (pending.hasBody) uploading.push({ request, observer: pending.observer })
    else pending.observer.onBodySent()
  })
  diagnosticsChannel.subscribe('undici:request:bodySent', (message) => {
    if (uploading.length === 0) return
    const { request } = message as { request: object }
    const index = uploading.findIndex((entry) => entry.request === request)
    if (index < 0) return
    const [entry] = uploading.splice(index, 1)
    entry?.observer.onBodySent()
  })
}
