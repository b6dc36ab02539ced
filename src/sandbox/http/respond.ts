import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import type { EventEmitter } from 'node:events'
import { promisify } from 'node:util'
import { constants as zlibConstants, createGzip, gzip } from 'node:zlib'

const gzipAsync = promisify(gzip)

/** Gzip level: fast, because the iterator pages are large and the sandbox runs on a laptop. */
const GZIP_LEVEL = 1

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding']
  if (header === undefined) return false
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';')
    if (coding?.trim().toLowerCase() !== 'gzip') return false
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
    return q === undefined || Number(q.slice(2)) > 0
  })
}

/**
 * Sends a complete body. With `allowGzip` and a client that asked for gzip, the body is compressed
 * (whatever its size: the vendors' curl samples pipe even the login reply through gunzip).
 */
export async function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: OutgoingHttpHeaders,
  allowGzip: boolean
): Promise<void> {
  let payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body
  const outHeaders: OutgoingHttpHeaders = { ...headers }
  const bodyAllowed = status !== 204 && status !== 304 && req.method !== 'HEAD'
  if (allowGzip) outHeaders['Vary'] = 'Accept-Encoding'
  if (bodyAllowed && allowGzip && acceptsGzip(req) && payload.length > 0) {
    payload = await gzipAsync(payload, { level: GZIP_LEVEL })
    outHeaders['Content-Encoding'] = 'gzip'
  }
  if (res.destroyed) return
  if (bodyAllowed) outHeaders['Content-Length'] = payload.length
  res.writeHead(status, outHeaders)
  res.end(bodyAllowed ? payload : undefined)
}

export function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: OutgoingHttpHeaders,
  allowGzip: boolean
): Promise<void> {
  const body = status === 204 ? '' : JSON.stringify(value)
  return sendBody(req, res, status, body, { 'Content-Type': 'application/json', ...headers }, allowGzip)
}

/** A response body written in pieces, honouring backpressure, optionally gzip-compressed. */
export interface BodyStream {
  write(chunk: string): Promise<void>
  end(): Promise<void>
  /** True once the client went away; writers should stop producing. */
  readonly aborted: boolean
}

/** Resolves on the first of the given events, removing every listener it added. */
function firstOf(pairs: [EventEmitter, string][]): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      for (const [emitter, event] of pairs) emitter.off(event, done)
      resolve()
    }
    for (const [emitter, event] of pairs) emitter.once(event, done)
  })
}

export function openStream(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  allowGzip: boolean
): BodyStream {
  const outHeaders: OutgoingHttpHeaders = { ...headers }
  const compress = allowGzip && acceptsGzip(req)
  if (allowGzip) outHeaders['Vary'] = 'Accept-Encoding'
  if (compress) outHeaders['Content-Encoding'] = 'gzip'
  res.writeHead(status, outHeaders)
  let aborted = false
  res.on('close', () => {
    if (!res.writableFinished) aborted = true
  })
  const gzipStream = compress
    ? createGzip({ level: GZIP_LEVEL, flush: zlibConstants.Z_NO_FLUSH })
    : null
  if (gzipStream !== null) gzipStream.pipe(res)
  const target = gzipStream ?? res

  return {
    get aborted() {
      return aborted || res.destroyed
    },
    async write(chunk: string) {
      if (aborted || res.destroyed) return
      if (!target.write(chunk)) {
        await firstOf([[target, 'drain'], [res, 'close']])
      }
    },
    async end() {
      if (aborted || res.destroyed) return
      const finished = firstOf([[res, 'finish'], [res, 'close']])
      target.end()
      await finished
    }
  }
}
