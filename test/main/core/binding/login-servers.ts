import { createServer } from 'node:http'
import { listen, type EchoRecord, type RunningServer } from '../../../support/echo-server'

/**
 * A minimal Cloud Exchange / InsightCloudSec stand-in: POST /api/auth and /v2/public/user/login hand out numbered
 * tokens (naming the port, so a token is known to come from this server) and echo the credential they got; POST
 * /v2/public/user/logout is recorded; anything else echoes the request's headers.
 */
export async function startLoginServer(): Promise<RunningServer & { issued: string[] }> {
  const records: EchoRecord[] = []
  const issued: string[] = []
  let port = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const headers: [string, string][] = []
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? ''])
      const [path = '', rawQuery = ''] = (req.url ?? '').split('?')
      records.push({ method: req.method ?? '', path, rawQuery, query: [], headers, body })
      res.setHeader('Content-Type', 'application/json')
      const token = `tok-${port}-${issued.length + 1}-abcdef`
      if (path === '/api/auth') {
        issued.push(token)
        const form = new URLSearchParams(body.toString())
        res.end(JSON.stringify({ access_token: token, token_type: 'bearer', echo: form.get('client_secret') }))
      } else if (path === '/v2/public/user/login') {
        issued.push(token)
        const login = JSON.parse(body.toString() || '{}') as { password?: string }
        res.end(JSON.stringify({ session_id: token, session_timeout: 60, echo: login.password }))
      } else if (path === '/v2/public/user/logout') {
        res.end('')
      } else {
        res.end(JSON.stringify({ headers }))
      }
    })
  })
  const running = await listen(server, 'http', records)
  port = running.port
  return { ...running, issued }
}
