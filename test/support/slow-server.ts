import { createServer } from 'node:http'
import { createServer as createTcpServer, type Socket } from 'node:net'
import { listen, generatedBody, type EchoRecord, type RunningServer } from './echo-server'

/**
 * Slow HTTP server on 127.0.0.1 (port 0). Routes:
 *  /stall?ms=N          wait N ms before sending headers (no ms: never answer)
 *  /trickle?chunks=N&size=B&interval=ms&fill=text|utf8   headers at once (Content-Length N*B), then one B-byte
 *                       chunk every interval ms
 *  /hang-body?size=B    headers announcing 2*B bytes, B bytes, then nothing more
 * Pending timers are cleared when the client goes away, so closing is immediate.
 */
export async function startSlowServer(): Promise<RunningServer> {
  const records: EchoRecord[] = []
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder')
    records.push({ method: req.method ?? '', path: url.pathname, rawQuery: url.search.slice(1), query: [...url.searchParams], headers: [], body: Buffer.alloc(0) })
    const number = (name: string, fallback: number): number => Number(url.searchParams.get(name) ?? fallback)
    const timers = new Set<NodeJS.Timeout>()
    const later = (ms: number, run: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer)
        run()
      }, ms)
      timers.add(timer)
    }
    res.on('close', () => timers.forEach((timer) => clearTimeout(timer)))
    req.resume()
    if (url.pathname === '/stall') {
      if (url.searchParams.has('ms')) later(number('ms', 0), () => res.end('finally'))
      return
    }
    if (url.pathname === '/trickle') {
      const chunks = number('chunks', 10)
      const size = number('size', 1024)
      const interval = number('interval', 50)
      const body = generatedBody(chunks * size, url.searchParams.get('fill') ?? 'text')
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length })
      let sent = 0
      const next = (): void => {
        res.write(body.subarray(sent * size, (sent + 1) * size))
        sent += 1
        if (sent < chunks) later(interval, next)
        else res.end()
      }
      next()
      return
    }
    if (url.pathname === '/hang-body') {
      const size = number('size', 1024)
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': size * 2 })
      res.write(generatedBody(size, 'text'))
      return
    }
    res.writeHead(404).end()
  })
  return listen(server, 'http', records)
}

/**
 * A TCP server that accepts connections and never sends a byte. An https:// URL pointing at it never completes
 * the TLS handshake, which is how tests reach the connect timeout without an unroutable address.
 */
export async function startSilentServer(): Promise<RunningServer> {
  const held = new Set<Socket>()
  const server = createTcpServer((socket) => {
    held.add(socket)
    socket.on('error', () => undefined)
    socket.once('close', () => held.delete(socket))
  })
  return listen(server, 'http', [])
}
