import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { startSandbox } from '../../../../src/sandbox'
import type { RunningSandbox } from '../../../../src/sandbox/types'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'

// History of iterator runs and scope checks: real core (vault, auth, request runner, engine, history) against the real
// sandbox. A run is one history entry with its pages under it; scope probes are not history at all.
let sandbox: RunningSandbox
let core: AppCore
let run = 0
const nowSec = (): number => Math.floor(Date.now() / 1000)

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'iterator-history-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), http: true, waitTime: 0 })
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  await addEnvironment('ns', token('full'))
  await addEnvironment('ns-bad', 'not-a-valid-v2-token-0123456789')
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

async function addEnvironment(id: string, v2Token: string): Promise<void> {
  await core.environments.save({
    id, name: `Netskope ${id}`, api: 'netskope', baseUrl: sandbox.urls.netskope, variables: [], tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false
  })
  await core.vault.set(secretKey(id, 'v2Token'), v2Token)
}

describe('iterator runs and scope probes in history', () => {
  it('a multi-page run is one entry: page count, records, status and time, with every page listed under it', async () => {
    await core.history.clear()
    const endpoint = '/api/v2/events/dataexport/alerts/malware'
    const summary = await core.iterator.start({
      runId: `run-${++run}`, environmentId: 'ns', endpoint, index: 'history-run', operation: nowSec() - 25_000, mode: 'until-caught-up'
    })
    expect(summary.pages).toBeGreaterThanOrEqual(3)
    const page = await core.history.search({})
    expect(page.total).toBe(1)
    const item = page.items[0]
    expect(item).toMatchObject({ method: 'GET', status: 200, environmentId: 'ns' })
    expect(item?.url).toContain(endpoint)
    expect(item?.run).toMatchObject({ kind: 'iterator', pages: summary.pages, records: summary.records, stopReason: 'caught-up' })

    const entry = await core.history.get(item?.id ?? '')
    expect(entry.run?.endpoint).toBe(endpoint)
    expect(entry.run?.index).toBe('history-run')
    // Every page fetched is listed (a 429 the sandbox's rate limit answered is listed too, as a retried page).
    const fetched = entry.run?.pageList.filter((p) => p.outcome === 'page') ?? []
    expect(fetched.length).toBe(summary.pages)
    expect(fetched.reduce((sum, p) => sum + (p.records ?? 0), 0)).toBe(summary.records)
    expect(fetched[0]?.operation).toMatch(/^\d+$/)
    expect(fetched[1]?.operation).toBe('next')
    for (const p of fetched) expect(p).toMatchObject({ status: 200 })
    expect(Date.parse(entry.run?.startedAt ?? '')).toBeLessThanOrEqual(Date.parse(entry.time))
    // The token never reaches history.
    expect(JSON.stringify(entry)).not.toContain(token('full'))
  })

  it('a run the tenant refuses is one entry with the error (status 401), not a page entry', async () => {
    await core.history.clear()
    await expect(core.iterator.start({
      runId: `run-${++run}`, environmentId: 'ns-bad', endpoint: '/api/v2/events/dataexport/events/page', index: 'history-bad', operation: 'head', mode: 'one-page'
    })).rejects.toThrow(/401/)
    const page = await core.history.search({})
    expect(page.total).toBe(1)
    expect(page.items[0]?.run).toMatchObject({ kind: 'iterator', pages: 0, records: 0, stopReason: 'failed' })
    expect(page.items[0]?.status).toBe(401)
    const entry = await core.history.get(page.items[0]?.id ?? '')
    expect(entry.error?.message).toMatch(/401/)
    expect(entry.run?.pageList).toHaveLength(1)
    expect(JSON.stringify(entry)).not.toContain('not-a-valid-v2-token-0123456789')
  })

  it('scope probes are not history entries', async () => {
    await core.history.clear()
    const results = await core.iterator.checkScopes('ns', ['/api/v2/services/cci/app', '/api/v2/events/dataexport/alerts/uba'])
    expect(results.map((r) => r.status)).toEqual(['granted', 'granted'])
    expect((await core.history.search({})).total).toBe(0)
  })

  it('an ordinary send is still one entry per send', async () => {
    await core.history.clear()
    await core.requests.send('plain-1', { method: 'GET', url: '/api/v2/services/cci/app', query: [], headers: [], body: { kind: 'none' } }, 'ns', () => undefined)
    const page = await core.history.search({})
    expect(page.total).toBe(1)
    expect(page.items[0]?.run).toBeNull()
  })
})
