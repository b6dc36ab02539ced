import { createServer, type ServerResponse } from 'node:http'
import { echoHandler, listen, type EchoRecord, type RunningServer } from './echo-server'

/**
 * Redirecting server on 127.0.0.1 (port 0). Routes:
 *  /redirect?to=URL&status=302    one hop to URL (absolute, or relative to this server)
 *  /chain?n=K&status=302          K hops (/chain?n=K-1 ... /chain?n=1, /echo), ending at the echo
 *  /loop                          redirects to itself forever
 *  /no-location?status=302        a redirect status without a Location header
 *  anything else                  the echo handler (see echo-server.ts), recorded in `requests`
 * Every request, redirecting or not, is recorded so tests can see which headers each hop received.
 */
export async function startRedirectServer(): Promise<RunningServer> {
  const records: EchoRecord[] = []
  const echo = echoHandler(records)
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://placeholder')
    const status = Number(url.searchParams.get('status') ?? 302)
    const route = url.pathname
    if (route !== '/redirect' && route !== '/chain' && route !== '/loop' && route !== '/no-location') {
      echo(req, res)
      return
    }
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const headers: [string, string][] = []
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? ''])
      const q = (req.url ?? '').indexOf('?')
      const rawQuery = q < 0 ? '' : (req.url ?? '').slice(q + 1)
      records.push({ method: req.method ?? '', path: route, rawQuery, query: [...url.searchParams], headers, body: Buffer.concat(chunks) })
      if (route === '/redirect') redirect(res, status, url.searchParams.get('to') ?? '/echo')
      else if (route === '/loop') redirect(res, status, '/loop')
      else if (route === '/no-location') {
        res.writeHead(status, { 'Content-Type': 'text/plain' })
        res.end('moved, but no Location')
      } else {
        const n = Number(url.searchParams.get('n') ?? 1)
        redirect(res, status, n <= 1 ? '/echo' : `/chain?n=${n - 1}&status=${status}`)
      }
    })
  })
  return listen(server, 'http', records)
}

function redirect(res: ServerResponse, status: number, location: string): void {
  const body = `Redirecting to ${location}`
  res.writeHead(status, { Location: location, 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) })
  res.end(body)
}
