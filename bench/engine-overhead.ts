/**
 * Engine overhead: N sequential GETs to a loopback server through the full send path
 * (dispatch -> handler table -> core request runner -> engine -> undici, history recorded in its worker thread and
 * V8 tuned as in the app's main process, src/main/core/heap-tuning.ts) against raw
 * `undici.request` on the same server, alternating rounds so machine noise hits both alike. Median per-request time
 * over the rounds; target: full path <= 1.3x raw undici (and under 60 µs added per send). Also reports the engine alone (no IPC layer, no runner).
 * Main's code runs bundled as the app ships it (bench/send-path-fixture.ts says why).
 * Run alone: npx tsx --tsconfig tsconfig.node.json bench/engine-overhead.ts
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { request } from 'undici'
import { tuneMainProcessHeap } from '../src/main/core/heap-tuning'
import { machine, median, row, type Benchmark } from './bench-lib'
import { startSendPathFixture } from './send-path-fixture'

export const run: Benchmark = async () => {
  // The same in quick mode (a few seconds): shorter runs spread too widely on a 2-core machine to judge a 1.3 ratio.
  const requests = 2000
  const rounds = 9
  const { url, main, core, handlers, agent, close } = await startSendPathFixture('engine')
  const emit = (): void => undefined

  let sent = 0
  async function viaApp(): Promise<void> {
    for (let i = 0; i < requests; i++) {
      // What the renderer sends: the spec as typed (defaults filled in by the contract's schema).
      const result = await main.dispatch(handlers, 'request:send', { runId: `r${++sent}`, spec: { method: 'GET', url } }, emit)
      if (!result.ok) throw new Error(result.error.message)
      const value = result.value as { responseId: string }
      await main.dispatch(handlers, 'response:release', { responseId: value.responseId }, emit)
    }
  }
  async function viaEngine(): Promise<void> {
    const options = { connectTimeoutMs: 10_000, totalTimeoutMs: 60_000, maxRedirects: 10, maxDecodedBytes: 1 << 30, tls: { verify: true, caPath: null } }
    for (let i = 0; i < requests; i++) {
      const result = await core.engine.send({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' } }, options)
      await core.engine.release(result.responseId)
    }
  }
  async function viaUndici(): Promise<void> {
    for (let i = 0; i < requests; i++) {
      const response = await request(url, { dispatcher: agent })
      await response.body.text()
    }
  }
  /**
   * Untimed: the history worker records the app round's last sends after the round ends (posts are batched); that
   * work must not overlap the next round's raw undici baseline, which would make the ratio look better than it is.
   */
  const historyWritten = (): Promise<unknown> => core.history.stats()
  const time = async (work: () => Promise<void>): Promise<number> => {
    const start = performance.now()
    await work()
    return ((performance.now() - start) * 1000) / requests // µs per request
  }

  try {
    // Warm up every path (JIT, keep-alive sockets, the history folder).
    await viaApp()
    await historyWritten()
    await viaEngine()
    await viaUndici()
    const app: number[] = []
    const engine: number[] = []
    const raw: number[] = []
    for (let round = 0; round < rounds; round++) {
      raw.push(await time(viaUndici))
      engine.push(await time(viaEngine))
      app.push(await time(viaApp))
      await historyWritten()
    }
    const baseline = { name: `raw undici.request (${requests} GETs x ${rounds} rounds, median)`, value: median(raw) }
    return [
      row('engine overhead: full send path (IPC dispatch -> handler -> core -> undici), per request', median(app), 'µs', baseline, 'ratio <= 1.3'),
      row('engine overhead: engine alone (core/http), per request', median(engine), 'µs', baseline)
    ]
  } finally {
    await close()
  }
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  tuneMainProcessHeap() // as bench/run.ts does for every module
  const rows = await run({ quick: false })
  console.log(`machine: ${machine()}`)
  for (const r of rows) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (ratio ${r.ratio?.toFixed(2) ?? '-'} vs ${r.baseline ?? '-'})`)
}
