import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { startSandbox } from '../../../../src/sandbox'
import type { RunningSandbox } from '../../../../src/sandbox/types'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { openIteratorStateStore } from '../../../../src/main/core/iterator/iterator-state'
import type { IteratorProgress, IteratorStart } from '../../../../src/shared/iterator/iterator-model'
import { parseCsv } from './csv-parse'

// The iterator runner end to end: real core (vault, auth, request runner, engine) against the real sandbox,
// whose rate limit (4/s per token and endpoint) stays on so 429 + Retry-After is exercised too.
let sandbox: RunningSandbox
let core: AppCore
let dir: string
let dataDir: string
let hold: ((endpoint: string, index: string) => Promise<void>) | null = null
let run = 0
const nowSec = (): number => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iterator-runner-'))
  dataDir = join(dir, 'data')
  sandbox = await startSandbox({
    dataDir: join(dir, 'sandbox'), http: true, waitTime: 0,
    hooks: { beforeIteratorPage: (endpoint, index) => hold?.(endpoint, index) ?? Promise.resolve() }
  })
  core = await createAppCore({ dataDir, tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  await addEnvironment('ns', { v2Token: token('full') })
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
})

function token(name: string): string {
  const found = sandbox.credentials.netskope.v2Tokens.find((entry) => entry.name === name)
  if (!found) throw new Error(`sandbox has no ${name} token`)
  return found.token
}

async function addEnvironment(id: string, secrets: Record<string, string>): Promise<void> {
  await core.environments.save({
    id, name: id, api: 'netskope', baseUrl: sandbox.urls.netskope, variables: [], tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false
  })
  for (const [name, value] of Object.entries(secrets)) await core.vault.set(secretKey(id, name), value)
}

function start(input: Partial<IteratorStart> & Pick<IteratorStart, 'endpoint' | 'index' | 'operation' | 'mode'>, progress?: IteratorProgress[]) {
  return core.iterator.start({ runId: `run-${++run}`, environmentId: 'ns', ...input }, { onProgress: (p) => progress?.push(p) })
}

type Rec = { _id: string; timestamp: number }
function checkOrdered(records: Rec[], from: number): void {
  expect(records[0]?.timestamp).toBeGreaterThanOrEqual(from)
  for (let i = 1; i < records.length; i++) expect((records[i] as Rec).timestamp).toBeGreaterThanOrEqual((records[i - 1] as Rec).timestamp)
  expect(new Set(records.map((r) => r._id)).size).toBe(records.length)
}

describe('iterator runner against the sandbox', () => {
  it('until caught up to NDJSON: every page written in order, progress reported, position saved', async () => {
    const epoch = nowSec() - 25_000
    const path = join(dir, 'out', 'malware.ndjson')
    const progress: IteratorProgress[] = []
    const summary = await start({ endpoint: '/api/v2/events/dataexport/alerts/malware', index: 'test-ndjson', operation: epoch,
      mode: 'until-caught-up', export: { format: 'ndjson', path } }, progress)
    expect(summary.stopReason).toBe('caught-up')
    expect(summary.records).toBeGreaterThanOrEqual(25_000)
    expect(summary.pages).toBeGreaterThanOrEqual(4) // 10k + 10k + ~5k + the empty page that proves we caught up
    expect(summary.exportPath).toBe(path)
    const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '')
    expect(lines.length).toBe(summary.records)
    const records = lines.map((line) => JSON.parse(line) as Rec)
    checkOrdered(records, epoch)
    expect(summary.timestampHwm).toBe(records.at(-1)?.timestamp)
    expect(progress.some((p) => p.phase === 'fetching')).toBe(true)
    expect(progress.at(-1)).toMatchObject({ phase: 'done', records: summary.records, pages: summary.pages })
    expect(core.iterator.states().find((s) => s.index === 'test-ndjson')?.timestampHwm).toBe(summary.timestampHwm)
  })

  it('JSON array with an end time stops once timestamp_hwm passes it, then resume continues after the saved hwm', async () => {
    const endpoint = '/api/v2/events/dataexport/alerts/dlp'
    const epoch = nowSec() - 40_000
    const path = join(dir, 'out', 'dlp.json')
    const progress: IteratorProgress[] = []
    const summary = await start({ endpoint, index: 'test-json', operation: epoch, mode: 'until-caught-up', endTime: epoch + 12_000,
      export: { format: 'json', path } }, progress)
    expect(summary.stopReason).toBe('end-time')
    expect(summary.pages).toBe(2)
    const records = JSON.parse(await readFile(path, 'utf8')) as Rec[]
    expect(records.length).toBe(20_000)
    checkOrdered(records, epoch)
    expect(progress.filter((p) => p.fraction !== null).length).toBeGreaterThan(0)
    expect(progress.at(-1)?.fraction).toBe(1)
    const hwm = records.at(-1)?.timestamp ?? 0
    expect(summary.timestampHwm).toBe(hwm)

    // The position is on disk: a fresh store (as after a restart) sees it.
    const reopened = await openIteratorStateStore(dataDir, [])
    expect(reopened.get('ns', endpoint, 'test-json')?.timestampHwm).toBe(hwm)

    const resumedPath = join(dir, 'out', 'dlp-resumed.ndjson')
    const resumed = await start({ endpoint, index: 'test-json', operation: 'resume', mode: 'one-page', export: { format: 'ndjson', path: resumedPath } })
    const next = (await readFile(resumedPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Rec)
    expect(resumed.records).toBe(10_000)
    expect(next[0]?.timestamp).toBe(hwm + 1)
    expect(new Set([...records, ...next].map((r) => r._id)).size).toBe(30_000)
  })

  it('CSV: header from the first page plus _extra, one row per record', async () => {
    const path = join(dir, 'out', 'page.csv')
    const summary = await start({ endpoint: '/api/v2/events/dataexport/events/page', index: 'test-csv', operation: nowSec() - 20_000,
      mode: 'one-page', export: { format: 'csv', path } })
    expect(summary.stopReason).toBe('one-page')
    expect(summary.records).toBe(10_000)
    const rows = parseCsv(await readFile(path, 'utf8'))
    const header = rows[0] ?? []
    expect(header).toContain('_id')
    expect(header).toContain('timestamp')
    expect(header.at(-1)).toBe('_extra')
    expect(rows.length - 1).toBe(10_000)
    for (const row of rows.slice(1)) expect(row.length).toBe(header.length)
    const ts = header.indexOf('timestamp')
    const times = rows.slice(1).map((row) => Number(row[ts]))
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] ?? 0))).toBe(true)
  })

  it('cancel mid-run: summary says cancelled and no export file (not even a partial one) is left', async () => {
    const outDir = join(dir, 'cancel')
    const path = join(outDir, 'policy.ndjson')
    let pulls = 0
    let release: () => void = () => undefined
    let heldResolve: () => void = () => undefined
    const held = new Promise<void>((resolve) => (heldResolve = resolve))
    hold = async () => {
      if (++pulls < 2) return
      heldResolve()
      await new Promise<void>((resolve) => (release = resolve))
    }
    try {
      const running = start({ endpoint: '/api/v2/events/dataexport/alerts/policy', index: 'test-cancel', operation: nowSec() - 50_000,
        mode: 'until-caught-up', export: { format: 'ndjson', path } })
      await held
      const runId = `run-${run}`
      expect(core.iterator.cancel(runId)).toBe(true)
      const summary = await running
      expect(summary.stopReason).toBe('cancelled')
      expect(summary.exportPath).toBeNull()
      expect(summary.records).toBe(10_000)
      expect(await readdir(outDir)).toEqual([])
      await expect(stat(path)).rejects.toThrow()
    } finally {
      hold = null
      release()
    }
  })

  it('409 while another consumer holds the index: backs off and then succeeds', async () => {
    const endpoint = '/api/v2/events/dataexport/alerts/uba'
    let release: () => void = () => undefined
    let heldResolve: () => void = () => undefined
    const held = new Promise<void>((resolve) => (heldResolve = resolve))
    hold = async (_endpoint, index) => {
      if (index !== 'test-409') return
      hold = null
      heldResolve()
      await new Promise<void>((resolve) => (release = resolve))
    }
    const other = core.requests.send('other-consumer', { method: 'GET', url: `${endpoint}?index=test-409&operation=head`, query: [], headers: [],
      body: { kind: 'none' } }, 'ns', () => undefined)
    await held
    const progress: IteratorProgress[] = []
    const running = core.iterator.start({ runId: 'run-409', environmentId: 'ns', endpoint, index: 'test-409', operation: 'next', mode: 'one-page' },
      { onProgress: (p) => {
        progress.push(p)
        if (p.detail?.includes('409')) release()
      } })
    const summary = await running
    await core.engine.release((await other).responseId)
    expect(progress.some((p) => p.phase === 'waiting' && p.detail?.includes('409'))).toBe(true)
    expect(summary.stopReason).toBe('one-page')
    expect(summary.records).toBe(10_000)
  })

  it('401 stops with a clear message; a v1-only environment is refused before any request', async () => {
    await addEnvironment('ns-expired', { v2Token: token('expired') })
    await expect(core.iterator.start({ runId: 'run-401', environmentId: 'ns-expired', endpoint: '/api/v2/events/dataexport/events/audit',
      index: 'x', operation: 'next', mode: 'one-page', export: { format: 'json', path: join(dir, 'e401', 'x.json') } }))
      .rejects.toThrow(/HTTP 401/)
    expect(await readdir(join(dir, 'e401'))).toEqual([])
    await addEnvironment('ns-v1', { v1Token: sandbox.credentials.netskope.v1Token })
    await expect(core.iterator.start({ runId: 'run-v1', environmentId: 'ns-v1', endpoint: '/api/v2/events/dataexport/events/audit',
      index: 'x', operation: 'next', mode: 'one-page' })).rejects.toThrow(/v2 token/)
  })
})
