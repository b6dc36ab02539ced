/**
 * Diagnostic, not part of `npm run bench`: where the full send path's time goes, layer by layer. Each layer adds one
 * piece on top of the previous one (raw undici -> engine -> request runner without history -> with history -> IPC
 * handler -> dispatch with zod validation), all against one in-process loopback server, in alternating rounds so
 * machine noise hits every layer alike; prints the median µs per request and the ratio to raw undici.
 * Run: npx tsx --tsconfig tsconfig.node.json bench/send-path-layers.ts [rounds]
 */
import { request } from 'undici'
import type { RequestSpec } from '../src/shared/model/request'
import { tuneMainProcessHeap } from '../src/main/core/heap-tuning'
import { machine, median } from './bench-lib'
import { startSendPathFixture } from './send-path-fixture'

tuneMainProcessHeap()
const REQUESTS = 400
const rounds = Number(process.argv[2] ?? 30)

const { url, main, core, handlers, agent, close } = await startSendPathFixture('layers')
const { createRequestRunner, dispatch, sendOptionsFor } = main
const withoutHistory = createRequestRunner({ ...core, history: undefined })
const spec = (): RequestSpec => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' } })
const options = sendOptionsFor(core.settings.get(), null)
const noProgress = (): void => undefined
let runs = 0

/** One request through each layer; every layer releases the body as the renderer does. */
const layers: Record<string, () => Promise<void>> = {
  'raw undici.request': async () => {
    await (await request(url, { dispatcher: agent })).body.text()
  },
  'engine': async () => {
    await core.engine.release((await core.engine.send(spec(), options)).responseId)
  },
  '+ request runner (no history)': async () => {
    await core.engine.release((await withoutHistory.send(`l${++runs}`, spec(), null, noProgress)).responseId)
  },
  '+ history (worker)': async () => {
    await core.engine.release((await core.requests.send(`l${++runs}`, spec(), null, noProgress)).responseId)
  },
  '+ IPC handler (file grants, progress events)': async () => {
    const result = await handlers['request:send']({ runId: `l${++runs}`, spec: spec(), environmentId: null }, noProgress)
    await handlers['response:release']({ responseId: result.responseId }, noProgress)
  },
  '+ dispatch (zod validation, envelope)': async () => {
    const sent = await dispatch(handlers, 'request:send', { runId: `l${++runs}`, spec: { method: 'GET', url } }, noProgress)
    if (!sent.ok) throw new Error(sent.error.message)
    await dispatch(handlers, 'response:release', { responseId: (sent.value as { responseId: string }).responseId }, noProgress)
  }
}

const times = new Map<string, number[]>(Object.keys(layers).map((name) => [name, []]))
try {
  for (const work of Object.values(layers)) for (let i = 0; i < REQUESTS; i++) await work() // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [name, work] of Object.entries(layers)) {
      const start = performance.now()
      for (let i = 0; i < REQUESTS; i++) await work()
      times.get(name)?.push(((performance.now() - start) * 1000) / REQUESTS)
      await core.history.stats() // untimed: history the layer handed to the worker is written before the next layer
    }
  }
  const raw = median(times.get('raw undici.request') ?? [])
  console.log(`machine: ${machine()}; ${rounds} rounds of ${REQUESTS} requests per layer, medians`)
  for (const [name, values] of times) console.log(`${name.padEnd(46)} ${median(values).toFixed(1).padStart(6)} µs  ${(median(values) / raw).toFixed(2)}x`)
} finally {
  await close()
}
