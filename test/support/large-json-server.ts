/**
 * A loopback server for large JSON bodies (e2e and bench/large-responses.ts): GET /json?bytes=N returns a JSON
 * document of at least N bytes, generated on the fly (never held in memory), identical on every request, with
 * content-length, and with the NEEDLE string near its end. Run directly, it prints {"base": url} and serves
 * until killed, so a benchmark can keep it out of the measured process.
 */
import { createHash } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const NEEDLE = 'needle-near-the-end'
const RECORDS_PER_CHUNK = 2000

function record(index: number): string {
  const id = String(index).padStart(9, '0')
  return `{"id":${index},"key":"rec-${id}","user":"user${id}@example.com","tags":["alpha","beta","é-${id.slice(-3)}"],"active":${index % 2 === 0},"score":${(index % 1000) / 10},"nested":{"a":[1,2,3],"b":null}}`
}

/** The document for `bytes`: its exact size and its bytes as a sequence of chunks. */
export function largeJson(bytes: number): { size: number; chunks(): Generator<Buffer> } {
  const head = Buffer.from('{"count":')
  // Record lengths vary with the digits of the index; generate until the target is passed (size is counted exactly).
  let count = 0
  let size = 0
  while (size < bytes) size += Buffer.byteLength(record(count++)) + 1
  const prefix = Buffer.concat([head, Buffer.from(`${count},"records":[`)])
  const suffix = Buffer.from(`],"marker":"${NEEDLE}"}`)
  const total = prefix.length + size - 1 + suffix.length
  return {
    size: total,
    *chunks() {
      yield prefix
      for (let start = 0; start < count; start += RECORDS_PER_CHUNK) {
        const parts: string[] = []
        for (let i = start; i < Math.min(count, start + RECORDS_PER_CHUNK); i++) parts.push(record(i))
        yield Buffer.from((start === 0 ? '' : ',') + parts.join(','))
      }
      yield suffix
    }
  }
}

export function sha256Of(bytes: number): string {
  const hash = createHash('sha256')
  for (const chunk of largeJson(bytes).chunks()) hash.update(chunk)
  return hash.digest('hex')
}

async function send(response: ServerResponse, bytes: number): Promise<void> {
  const body = largeJson(bytes)
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.size) })
  for (const chunk of body.chunks()) {
    if (!response.write(chunk)) await new Promise<void>((resolve) => response.once('drain', () => resolve()))
    if (response.destroyed) return
  }
  response.end()
}

export async function startLargeJsonServer(): Promise<{ base: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const bytes = Number(url.searchParams.get('bytes') ?? '0')
    if (url.pathname !== '/json' || !Number.isFinite(bytes) || bytes <= 0) {
      response.writeHead(404).end()
      return
    }
    send(response, bytes).catch(() => response.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*[\\/]/, ''))) {
  void startLargeJsonServer().then(({ base }) => process.stdout.write(JSON.stringify({ base }) + '\n'))
}
