import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'

/** One request exactly as it reached the server. */
export interface Recorded {
  method: string
  /** Raw path as sent, without the query. */
  path: string
  /** Raw query string as sent (no leading "?"), '' when none. */
  rawQuery: string
  /** Lower-cased names; repeated headers keep every value in order. */
  headers: Record<string, string[]>
  body: Buffer
}

export interface EchoServer {
  url: string
  records: Recorded[]
  /** Forgets the records and restarts the scripted answers (login tokens, iterator pages). */
  reset(): void
  close(): Promise<void>
}

export const ICS_SESSION_ID = 'sess0123456789abcdef'
/** A JWT-shaped token with an exp far in the future, so the app's authenticator caches it. */
export const CE_ACCESS_TOKEN = [
  Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url'),
  Buffer.from(JSON.stringify({ username: 'client', scopes: ['cte_read'], exp: 4_102_444_800 })).toString('base64url'),
  'c2lnbmF0dXJl'
].join('.')
export const ITERATOR_RECORDS = [
  { _id: 'a1', app: 'Amazon S3', timestamp: 1708955654 },
  { _id: 'b2', app: 'Box', timestamp: 1708955660 }
]

/**
 * An echo server on 127.0.0.1 (HTTP, or HTTPS when given a key and certificate) that records every request and
 * answers like the APIs where a snippet needs an answer: InsightCloudSec login/logout, Cloud Exchange /api/auth,
 * a 302 from /redirect to its ?to= parameter, and the Data Export iterator (a 429 with Retry-After: 0, a 409 with Retry-After: 0, one page of records, then empty pages with an
 * unchanged timestamp_hwm). Everything else gets {"echo":true}, gzip-encoded when the client accepts gzip.
 */
export async function startEchoServer(tls?: { key: string; cert: string }): Promise<EchoServer> {
  const records: Recorded[] = []
  let iteratorCalls = 0

  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const target = request.url ?? '/'
      const at = target.indexOf('?')
      const headers: Record<string, string[]> = {}
      for (let i = 0; i < request.rawHeaders.length; i += 2) {
        const name = (request.rawHeaders[i] ?? '').toLowerCase()
        ;(headers[name] ??= []).push(request.rawHeaders[i + 1] ?? '')
      }
      const path = at === -1 ? target : target.slice(0, at)
      records.push({ method: request.method ?? '', path, rawQuery: at === -1 ? '' : target.slice(at + 1), headers, body: Buffer.concat(chunks) })
      answer(request, response, path)
    })
  }

  function answer(request: IncomingMessage, response: ServerResponse, path: string): void {
    const json = (status: number, value: unknown, extra: Record<string, string> = {}): void => {
      let body = Buffer.from(JSON.stringify(value))
      const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      if (gzip) body = gzipSync(body)
      response.writeHead(status, {
        'content-type': 'application/json',
        'content-length': String(body.length),
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        ...extra
      })
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    if (path === '/redirect') {
      // Location from ?to=, so a case can send the client to another origin (and see whether credentials follow).
      const to = new URLSearchParams(request.url?.split('?')[1] ?? '').get('to') ?? '/'
      response.writeHead(302, { location: to, 'content-length': '0' })
      return void response.end()
    }
    if (path === '/v2/public/user/login') return json(200, { user_id: 1, session_id: ICS_SESSION_ID, session_timeout: 60 })
    if (path === '/v2/public/user/logout') return json(200, {})
    if (path === '/api/auth') return json(200, { access_token: CE_ACCESS_TOKEN, token_type: 'bearer', scopes: ['cte_read'] })
    if (path.startsWith('/api/v2/events/dataexport/')) {
      iteratorCalls++
      if (iteratorCalls === 1) return json(429, { message: 'API rate limit exceeded' }, { 'retry-after': '0' })
      if (iteratorCalls === 2) return json(409, { message: 'Concurrent events fetch from the same iterator is not supported. Please retry later.' }, { 'retry-after': '0' })
      const records = iteratorCalls === 3 ? ITERATOR_RECORDS : []
      return json(200, { ok: 1, result: records, wait_time: 0, timestamp_hwm: 1708955663 })
    }
    json(200, { echo: true })
  }

  const server: Server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createHttpServer(handle)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    records,
    reset() {
      records.length = 0
      iteratorCalls = 0
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
