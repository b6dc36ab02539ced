import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src/main/core/app-core'
import { startSandbox, type RunningSandbox } from '../../../src/sandbox'
import { startSandboxWorker } from '../../../src/sandbox/worker/sandbox-client'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { sandboxWorkerFromSource } from '../../../scripts/worker-source'
import { send } from '../helpers'

// The sandbox runs in a worker thread: however long a request keeps it busy, main's event loop
// stays free. Measured by counting main's timer ticks while the request runs, never by wall-clock thresholds.

const JSON_BODY = { 'Content-Type': 'application/json' }
/** A pattern that is linear but expensive on a long run of a's: it spends the whole per-request step budget. */
const SLOW_PATTERN = '(?:a|aa){1,200}c'

async function bearerFor(sandbox: RunningSandbox): Promise<Record<string, string>> {
  const client = sandbox.credentials.cloudExchange.clients[0]
  if (client === undefined) throw new Error('expected a CE client')
  const login = await send(`${sandbox.urls.cloudExchange}/api/auth`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`
  })
  return { Authorization: `Bearer ${login.json<{ access_token: string }>().access_token}` }
}

/** Runs the slow filter request against `sandbox`; returns its status and how often main's 1 ms timer ticked meanwhile. */
async function ticksDuringSlowRequest(sandbox: RunningSandbox): Promise<{ status: number; ticks: number }> {
  const bearer = await bearerFor(sandbox)
  const posted = await send(`${sandbox.urls.cloudExchange}/api/cte/indicators/`, {
    method: 'POST',
    headers: { ...bearer, ...JSON_BODY },
    body: JSON.stringify([{ value: 'a'.repeat(20_000), type: 'url', source: 'Sandbox API Source' }])
  })
  expect(posted.status).toBe(201)
  const filters = encodeURIComponent(JSON.stringify({ value: { $regex: SLOW_PATTERN } }))
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  try {
    const res = await send(`${sandbox.urls.cloudExchange}/api/cte/indicators/?filters=${filters}`, { headers: bearer })
    return { status: res.status, ticks }
  } finally {
    clearInterval(timer)
  }
}

describe('the sandbox in a worker thread', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-worker-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('serves real requests while main keeps ticking; the same request in this thread stops the ticks', async () => {
    const inWorker = await startSandboxWorker({ dataDir: join(dir, 'a'), http: true, waitTime: 0 }, sandboxWorkerFromSource())
    const worker = await ticksDuringSlowRequest(inWorker).finally(() => inWorker.close())
    const inThread = await startSandbox({ dataDir: join(dir, 'b'), http: true, waitTime: 0 })
    const blocked = await ticksDuringSlowRequest(inThread).finally(() => inThread.close())
    // The request spends its whole matching budget and is refused with a message, in both places.
    expect(worker.status).toBe(400)
    expect(blocked.status).toBe(400)
    // Same work either way; only where it runs differs. In this thread the timer cannot fire while the filter runs.
    expect(worker.ticks).toBeGreaterThan(20)
    expect(worker.ticks).toBeGreaterThan(4 * blocked.ticks)
  })

  it('serves HTTPS with its CA, answers like the in-thread sandbox, and stops on close', async () => {
    const sandbox = await startSandboxWorker({ dataDir: join(dir, 'c'), waitTime: 0 }, sandboxWorkerFromSource())
    expect(sandbox.caPath).toBe(join(dir, 'c', 'ca.pem'))
    const { readFileSync } = await import('node:fs')
    const ca = readFileSync(sandbox.caPath ?? '', 'utf8')
    const health = await send(`${sandbox.urls.cloudExchange}/api/healthcheck`, { ca })
    expect(health.json()).toEqual({ sucess: true })
    await sandbox.close()
    await expect(send(`${sandbox.urls.cloudExchange}/api/healthcheck`, { ca })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('reports a worker that cannot start, and the app then opens without the sandbox and says so', async () => {
    const broken = join(dir, 'broken-worker.mjs')
    await writeFile(broken, "throw new Error('boom: no sandbox here')\n")
    const source = { file: pathToFileURL(broken) }
    await expect(startSandboxWorker({ dataDir: join(dir, 'd'), http: true }, source)).rejects.toThrow(/sandbox.*boom/is)
    const core = await createAppCore({
      dataDir: join(dir, 'app'),
      tempDir: join(dir, 'bodies'),
      startSandbox: (sandboxDir, onStopped) => startSandboxWorker({ dataDir: sandboxDir, http: true }, source, onStopped),
      cipher: createSessionCipher(null, true)
    })
    try {
      expect(core.sandbox).toBeNull()
      expect(core.notices.join('\n')).toMatch(/sandbox could not start.*boom/is)
    } finally {
      await core.close()
    }
  })

  it('reports a worker that dies after it started', async () => {
    // A stand-in worker that speaks the protocol, says it is ready, then exits as a crashed sandbox would.
    const dying = join(dir, 'dying-worker.mjs')
    await writeFile(dying, [
      "import { parentPort } from 'node:worker_threads'",
      "parentPort.postMessage({ kind: 'ready', sandbox: { urls: { netskope: '', cloudExchange: '', insightcloudsec: '' }, caPath: null, credentials: {}, warnings: [] } })",
      'setTimeout(() => process.exit(3), 20)'
    ].join('\n'))
    let reported: (message: string) => void = () => undefined
    const stopped = new Promise<string>((resolve) => (reported = resolve))
    const sandbox = await startSandboxWorker({ dataDir: join(dir, 'e'), http: true }, { file: pathToFileURL(dying) }, (message) => reported(message))
    expect(await stopped).toMatch(/sandbox stopped unexpectedly.*code 3/i)
    await sandbox.close()
  })
})
