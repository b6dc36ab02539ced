/**
 * Soak of a follow-mode iterator pull, shared by the 30 s vitest test and bench/soak.ts.
 * The sandbox runs with a fast clock (SPEED x real time), so new events keep arriving and follow mode fetches page
 * after page instead of idling; RSS of this process (app core + in-process sandbox) is sampled with a forced GC
 * before each sample when the runtime allows it, and the trend after warm-up is fitted by least squares.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { createAppCore } from '../../src/main/core/app-core'
import { startSandbox } from '../../src/sandbox'
import { createSessionCipher } from '../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../src/main/core/vault/vault'

/** Sandbox seconds per real second: events arrive at 2/s of sandbox time, so ~4,000 new records per real second. */
const SPEED = 2000
const ENDPOINT = '/api/v2/events/dataexport/events/network'

export interface SoakResult {
  seconds: number
  pages: number
  records: number
  /** heapMb = V8 heap used + external (Buffers), the part a JS-side leak grows. */
  samples: Array<{ t: number; rssMb: number; heapMb: number }>
  rssStartMb: number
  rssEndMb: number
  /** Least-squares slope of RSS over the samples after warm-up, MB per minute. */
  rssSlopeMbPerMin: number
  heapSlopeMbPerMin: number
  forcedGc: boolean
}

/** `global.gc` without --expose-gc: turn the flag on and take the function from a fresh context. */
function findGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    return typeof gc === 'function' ? (gc as () => void) : null
  } catch {
    return null
  }
}

export function slopePerMinute(points: ReadonlyArray<{ t: number; y: number }>): number {
  const n = points.length
  if (n < 2) return 0
  const mt = points.reduce((s, p) => s + p.t, 0) / n
  const my = points.reduce((s, p) => s + p.y, 0) / n
  const num = points.reduce((s, p) => s + (p.t - mt) * (p.y - my), 0)
  const den = points.reduce((s, p) => s + (p.t - mt) ** 2, 0)
  return den === 0 ? 0 : (num / den) * 60_000
}

/**
 * Follows the network event stream for `durationMs`, sampling every `sampleMs`; samples taken before `warmupMs`
 * are reported but not fitted. `onPage` lets a caller add work per page (the test uses it to prove a leak is seen).
 */
export async function soakFollow(options: { durationMs: number; warmupMs: number; sampleMs: number; onPage?: () => void }): Promise<SoakResult> {
  const dir = await mkdtemp(join(tmpdir(), 'iterator-soak-'))
  const realStart = Date.now()
  const sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), http: true, waitTime: 0, rateLimit: false,
    now: () => realStart + (Date.now() - realStart) * SPEED })
  const core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  const gc = findGc()
  try {
    await core.environments.save({ id: 'soak', name: 'soak', api: 'netskope', baseUrl: sandbox.urls.netskope, variables: [],
      tls: { verify: true, caPath: null }, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false })
    await core.vault.set(secretKey('soak', 'v2Token'), sandbox.credentials.netskope.v2Tokens[0]?.token ?? '')
    const running = core.iterator.start({ runId: 'soak', environmentId: 'soak', endpoint: ENDPOINT, index: 'soak', operation: 'tail', mode: 'follow' },
      options.onPage ? { onPage: options.onPage } : {})
    const samples: SoakResult['samples'] = []
    const started = Date.now()
    while (Date.now() - started < options.durationMs) {
      await new Promise((resolve) => setTimeout(resolve, options.sampleMs))
      gc?.()
      const usage = process.memoryUsage()
      samples.push({ t: Date.now() - started, rssMb: usage.rss / 1024 ** 2, heapMb: (usage.heapUsed + usage.external) / 1024 ** 2 })
    }
    core.iterator.cancel('soak')
    const summary = await running
    const fitted = samples.filter((s) => s.t >= options.warmupMs)
    return {
      seconds: (Date.now() - started) / 1000,
      pages: summary.pages,
      records: summary.records,
      samples,
      rssStartMb: fitted[0]?.rssMb ?? Number.NaN,
      rssEndMb: samples.at(-1)?.rssMb ?? Number.NaN,
      rssSlopeMbPerMin: slopePerMinute(fitted.map((s) => ({ t: s.t, y: s.rssMb }))),
      heapSlopeMbPerMin: slopePerMinute(fitted.map((s) => ({ t: s.t, y: s.heapMb }))),
      forcedGc: gc !== null
    }
  } finally {
    await core.close()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  }
}
