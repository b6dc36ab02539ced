/**
 * Engine overhead (issue 8 item 1): N sequential GETs to a loopback server through the full send path
 * (dispatch -> handler table -> core request runner -> engine -> undici) against raw `undici.request` on the same
 * server, alternating rounds so machine noise hits both alike. Prints the median per-request time and the ratio.
 * Run: npx tsx bench/engine-overhead.ts [--requests 2000] [--rounds 5]
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { Agent, request } from 'undici'
import { createAppCore } from '../src/main/core/app-core'
import { createSessionCipher } from '../src/main/core/vault/aes-cipher'
import { createHandlers } from '../src/main/ipc/handlers'
import { dispatch } from '../src/main/ipc/dispatch'

const arg = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : Number(process.argv[index + 1])
}
const REQUESTS = arg('requests', 2000)
const ROUNDS = arg('rounds', 5)
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN

async function main(): Promise<void> {
  const body = JSON.stringify({ ok: 1, result: [{ id: 1, app: 'Amazon S3' }] })
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(body))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench`

  const dir = await mkdtemp(join(tmpdir(), 'bench-engine-'))
  const core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), sandbox: false, cipher: createSessionCipher(null) })
  const handlers = createHandlers(core, { pickFile: async () => null })
  const emit = (): void => undefined
  const agent = new Agent()

  let run = 0
  async function viaApp(): Promise<void> {
    for (let i = 0; i < REQUESTS; i++) {
      const result = await dispatch(handlers, 'request:send', { runId: `r${++run}`, spec: { method: 'GET', url } }, emit)
      if (!result.ok) throw new Error(result.error.message)
      const value = result.value as { responseId: string }
      await dispatch(handlers, 'response:release', { responseId: value.responseId }, emit)
    }
  }
  async function viaEngine(): Promise<void> {
    const options = { connectTimeoutMs: 10_000, totalTimeoutMs: 60_000, maxRedirects: 10, maxDecodedBytes: 1 << 30, tls: { verify: true, caPath: null } }
    for (let i = 0; i < REQUESTS; i++) {
      const result = await core.engine.send({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' } }, options)
      await core.engine.release(result.responseId)
    }
  }
  async function viaUndici(): Promise<void> {
    for (let i = 0; i < REQUESTS; i++) {
      const response = await request(url, { dispatcher: agent })
      await response.body.text()
    }
  }
  const time = async (work: () => Promise<void>): Promise<number> => {
    const start = performance.now()
    await work()
    return ((performance.now() - start) * 1000) / REQUESTS // µs per request
  }

  await viaApp() // warm up both paths (JIT, keep-alive sockets)
  await viaUndici()
  const app: number[] = []
  const engine: number[] = []
  const raw: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    raw.push(await time(viaUndici))
    engine.push(await time(viaEngine))
    app.push(await time(viaApp))
  }
  const ratio = median(app) / median(raw)
  console.log(`machine: ${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, node ${process.version}`)
  console.log(`engine overhead: ${REQUESTS} sequential GETs x ${ROUNDS} rounds (median)`)
  console.log(`  full send path  ${median(app).toFixed(1)} µs/request`)
  console.log(`  engine only     ${median(engine).toFixed(1)} µs/request (ratio ${(median(engine) / median(raw)).toFixed(2)})`)
  console.log(`  raw undici      ${median(raw).toFixed(1)} µs/request`)
  console.log(`  ratio           ${ratio.toFixed(2)} (target <= 1.2)`)
  await core.close()
  await agent.close()
  server.close()
  await rm(dir, { recursive: true, force: true })
}

void main()
