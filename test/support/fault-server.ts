import { createServer, type Socket } from 'node:net'
import { gzipSync } from 'node:zlib'
import { generatedBody, listen, type EchoRecord, type RunningServer } from './echo-server'

/** Hops before /hop/N finally answers 200: far past any redirect limit the settings allow (50). */
export const REDIRECT_HOPS = 1000
/** What /bomb inflates to: a few KiB on the wire. */
const BOMB_BYTES = 32 * 1024 * 1024

/**
 * A misbehaving HTTP/1.1 server on 127.0.0.1 (port 0), written on raw TCP so every fault is exactly what goes on
 * the wire (node:http would refuse to send a wrong Content-Length). Keep-alive: several requests may arrive on
 * one connection. Routes:
 *  /ok                      200 "ok" (the "the engine still works" probe)
 *  /reset-before-headers    reads the request, then resets the connection (RST)
 *  /reset-mid-body          announces 1,000,000 bytes, sends 400,000 (past the in-memory preview), then RST
 *  /stall-headers           reads the request and never answers
 *  /stall-body              announces 100,000 bytes, sends 1,000, then nothing
 *  /truncated-gzip          gzip body cut in half, with a Content-Length that matches the cut bytes
 *  /bomb                    BOMB_BYTES of zeros gzipped (a few KiB on the wire)
 *  /endless                 chunked text that never ends (until the client goes away)
 *  /invalid-utf8?size=N     text/plain; charset=utf-8 with invalid byte sequences (see invalidUtf8Body)
 *  /long-length             Content-Length: 1000, 500 bytes, then the connection is closed
 *  /short-length            Content-Length: 10, then 20 bytes in which a forged second response hides
 *  /hop/N                   302 to /hop/N+1; /hop/REDIRECT_HOPS answers 200
 *  /big-header?kb=N         one response header of N KiB (default 80)
 */
export async function startFaultServer(): Promise<RunningServer> {
  const records: EchoRecord[] = []
  const bomb = gzipSync(Buffer.alloc(BOMB_BYTES), { level: 9 })
  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    let pending = Buffer.alloc(0)
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data])
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.subarray(0, end).toString('latin1')
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0)
        if (pending.length < end + 4 + length) return
        pending = pending.subarray(end + 4 + length)
        const [method = '', target = '/'] = head.split('\r\n')[0]?.split(' ') ?? []
        const url = new URL(target, 'http://placeholder')
        records.push({ method, path: url.pathname, rawQuery: url.search.slice(1), query: [...url.searchParams], headers: [], body: Buffer.alloc(0) })
        answer(socket, url, bomb)
      }
    })
  })
  return listen(server, 'http', records)
}

function respond(socket: Socket, status: string, headers: [string, string | number][], body: Buffer | string = ''): void {
  const lines = [`HTTP/1.1 ${status}`, ...headers.map(([name, value]) => `${name}: ${value}`)]
  socket.write(`${lines.join('\r\n')}\r\n\r\n`)
  if (body.length > 0) socket.write(body)
}

/** Resets once `data` has been handed to the kernel (and a moment later, so the client reads some of it). */
function resetAfter(socket: Socket, data: Buffer | string): void {
  socket.write(data, () => setTimeout(() => socket.resetAndDestroy(), 30))
}

function answer(socket: Socket, url: URL, bomb: Buffer): void {
  const route = url.pathname
  const text = (size: number): Buffer => generatedBody(size, 'text')
  if (route === '/ok') return respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 2]], 'ok')
  if (route === '/reset-before-headers') return void socket.resetAndDestroy()
  if (route === '/reset-mid-body') {
    respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 1_000_000]])
    return resetAfter(socket, text(400_000))
  }
  if (route === '/stall-headers') return
  if (route === '/stall-body') return respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 100_000]], text(1000))
  if (route === '/truncated-gzip') {
    const full = gzipSync(text(200_000))
    const cut = full.subarray(0, full.length >> 1)
    return respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Encoding', 'gzip'], ['Content-Length', cut.length]], cut)
  }
  if (route === '/bomb') {
    return respond(socket, '200 OK', [['Content-Type', 'application/json'], ['Content-Encoding', 'gzip'], ['Content-Length', bomb.length]], bomb)
  }
  if (route === '/endless') return endless(socket)
  if (route === '/invalid-utf8') {
    const body = invalidUtf8Body(Number(url.searchParams.get('size') ?? 1000))
    return respond(socket, '200 OK', [['Content-Type', 'text/plain; charset=utf-8'], ['Content-Length', body.length]], body)
  }
  if (route === '/long-length') {
    respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 1000]], text(500))
    return void socket.end()
  }
  if (route === '/short-length') {
    const forged = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\nEVIL'
    return respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Content-Length', 10]], `0123456789${forged}`)
  }
  if (route.startsWith('/hop/')) {
    const hop = Number(route.slice(5))
    if (hop >= REDIRECT_HOPS) return respond(socket, '200 OK', [['Content-Length', 7]], 'arrived')
    return respond(socket, '302 Found', [['Location', `/hop/${hop + 1}`], ['Content-Length', 0]])
  }
  if (route === '/big-header') {
    const size = Number(url.searchParams.get('kb') ?? 80) * 1024
    return respond(socket, '200 OK', [['X-Big', 'a'.repeat(size)], ['Content-Length', 2]], 'ok')
  }
  respond(socket, '404 Not Found', [['Content-Length', 0]])
}

/** Chunked text for as long as the client reads, respecting backpressure so the server's memory stays flat. */
function endless(socket: Socket): void {
  respond(socket, '200 OK', [['Content-Type', 'text/plain'], ['Transfer-Encoding', 'chunked']])
  const payload = generatedBody(64 * 1024, 'text')
  const chunk = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n')])
  const pump = (): void => {
    while (!socket.destroyed && socket.write(chunk));
    if (!socket.destroyed) socket.once('drain', pump)
  }
  pump()
}

/**
 * Mostly ASCII text with invalid UTF-8 every 50 bytes: a lone continuation byte (0x80), a Latin-1 "é" (0xE9
 * followed by ASCII), a truncated 3-byte sequence (0xE2 0x82), and 0xFF, which never occurs in UTF-8.
 */
export function invalidUtf8Body(size: number): Buffer {
  const out = generatedBody(size, 'text')
  const bad = [[0x80], [0xe9], [0xe2, 0x82], [0xff]]
  for (let at = 25, i = 0; at + 2 < size; at += 50, i++) {
    const bytes = bad[i % bad.length] ?? []
    bytes.forEach((byte, k) => (out[at + k] = byte))
  }
  return out
}
