import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog'
import {
  classifyProbe, planScopeCheck, probePaths, scopePathOf, scopeTable, SCOPE_PROBE_INDEX, type ScopeProbeResult
} from '@shared/iterator/scope-plan'
import type { RequestSpec } from '@shared/model/request'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { startSandbox } from '../../../../src/sandbox'
import type { RunningSandbox } from '../../../../src/sandbox/types'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../../src/main/ipc/dispatch'
import { readBuiltin } from '../../../shared/catalog/builtin-docs'

const operations = loadCatalog(readBuiltin('netskope.openapi.json'))
const ALL = ['CLS', 'CTO', 'CTE', 'URE', 'ARE'] as const

describe('scope plan (pure, from the catalog metadata)', () => {
  it('cuts a path at its first template segment', () => {
    expect(scopePathOf('/api/v2/policy/urllist/{id}/append')).toBe('/api/v2/policy/urllist')
    expect(scopePathOf('/api/v2/services/cci/tags/{tag}')).toBe('/api/v2/services/cci/tags')
    expect(scopePathOf('/api/v2/services/cci/app')).toBe('/api/v2/services/cci/app')
  })

  it('ARE needs the three CCI paths; tags is Read+Write because CE also tags apps', () => {
    const plan = planScopeCheck(operations, ['ARE'])
    expect(plan.map((n) => [n.path, n.privilege, n.readProbe])).toEqual([
      ['/api/v2/services/cci/app', 'Read', true],
      ['/api/v2/services/cci/domain', 'Read', true],
      ['/api/v2/services/cci/tags', 'Read+Write', true]
    ])
  })

  it('CTE: URL lists (Read+Write; deploy and file take no GET) and the malware/malsite/alert streams', () => {
    const plan = planScopeCheck(operations, ['CTE'])
    const byPath = new Map(plan.map((n) => [n.path, n]))
    expect(byPath.get('/api/v2/policy/urllist')).toMatchObject({ privilege: 'Read+Write', readProbe: true })
    expect(byPath.get('/api/v2/policy/urllist/deploy')).toMatchObject({ privilege: 'Read+Write', readProbe: false })
    expect(byPath.get('/api/v2/policy/urllist')?.operations).toContain('PATCH /api/v2/policy/urllist/{id}/append')
    expect(byPath.has('/api/v2/events/dataexport/alerts/malware')).toBe(true)
    expect(byPath.has('/api/v2/events/data/alert')).toBe(false)
    expect(planScopeCheck(operations, ['CTE'], { includeLegacy: true }).some((n) => n.path === '/api/v2/events/data/alert')).toBe(true)
  })

  it('URE: UCI paths are POST only, so nothing there is probed', () => {
    const plan = planScopeCheck(operations, ['URE'])
    expect(plan.find((n) => n.path === '/api/v2/incidents/uba/getuci')).toMatchObject({ privilege: 'Read+Write', readProbe: false })
    expect(probePaths(plan)).toEqual(['/api/v2/events/dataexport/alerts/uba'])
  })

  it('classifies answers: 401 token invalid, 403 missing, 429/5xx/404 unknown with the reason', () => {
    const p = '/api/v2/services/cci/app'
    expect(classifyProbe(p, 200, '').status).toBe('granted')
    expect(classifyProbe(p, 204, '').status).toBe('granted')
    expect(classifyProbe(p, 401, 'Unauthorized')).toMatchObject({ status: 'token-invalid', reason: expect.stringMatching(/expired/) })
    expect(classifyProbe(p, 403, 'You cannot consume this service')).toMatchObject({ status: 'missing', reason: expect.stringMatching(/cannot consume/) })
    expect(classifyProbe(p, 429, '', '3')).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/429.*Retry-After 3/) })
    expect(classifyProbe(p, 503, 'down')).toMatchObject({ status: 'unknown', reason: expect.stringMatching(/server error/) })
    expect(classifyProbe(p, 400, 'bad')).toMatchObject({ status: 'unknown' })
  })

  it('table: a Write half is never claimed granted; a refused GET means no Write either', () => {
    const plan = planScopeCheck(operations, ['ARE'])
    const answer = (status: ScopeProbeResult['status']): ScopeProbeResult[] => probePaths(plan).map((path) => ({ path, status, httpStatus: null, reason: 'x' }))
    const granted = scopeTable(plan, answer('granted'))
    expect(granted.find((r) => r.path.endsWith('/tags'))).toMatchObject({ overall: 'unknown', write: { status: 'unknown', reason: expect.stringMatching(/never writes/) } })
    expect(granted.find((r) => r.path.endsWith('/app'))?.overall).toBe('granted')
    expect(scopeTable(plan, answer('missing')).find((r) => r.path.endsWith('/tags'))).toMatchObject({ overall: 'missing', write: { status: 'missing' } })
  })
})

// Probes through the real dispatch and handler table against the real sandbox and its tokens.
let sandbox: RunningSandbox
let core: AppCore
let handlers: Handlers
const sent: RequestSpec[] = []

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  await new Promise<void>((ok) => server.close(() => ok()))
  return port
}

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'scope-check-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), http: true, waitTime: 0 })
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null })
  const send = core.requests.send.bind(core.requests)
  core.requests.send = (runId, spec, environmentId, onProgress) => {
    sent.push(spec)
    return send(runId, spec, environmentId, onProgress)
  }
  const token = (name: string): string => sandbox.credentials.netskope.v2Tokens.find((t) => t.name === name)?.token ?? ''
  const dead = `http://127.0.0.1:${await closedPort()}`
  for (const [id, value, baseUrl] of [['dataexport', token('dataexport'), sandbox.urls.netskope], ['readonly', token('readonly'), sandbox.urls.netskope],
    ['expired', token('expired'), sandbox.urls.netskope], ['dead', token('full'), dead], ['v1only', '', sandbox.urls.netskope]] as const) {
    await core.environments.save({ id, name: id, api: 'netskope', baseUrl, variables: [], tls: { verify: true, caPath: null },
      auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false })
    if (value) await core.vault.set(secretKey(id, 'v2Token'), value)
    else await core.vault.set(secretKey(id, 'v1Token'), sandbox.credentials.netskope.v1Token)
  }
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
})

async function check(environmentId: string, modules: ReadonlyArray<(typeof ALL)[number]>): Promise<ReturnType<typeof scopeTable>> {
  const plan = planScopeCheck(operations, modules)
  const answer = await dispatch(handlers, 'iterator:check-scopes', { environmentId, paths: probePaths(plan) }, () => undefined)
  if (!answer.ok) throw new Error(answer.error.message)
  return scopeTable(plan, answer.value as ScopeProbeResult[])
}

describe('scope checker against the sandbox', () => {
  it('the limited dataexport token: iterator streams granted, CCI and URL lists missing, POST-only paths unknown', async () => {
    const rows = await check('dataexport', ALL)
    const status = (path: string): string | undefined => rows.find((r) => r.path === path)?.overall
    expect(rows.filter((r) => r.path.includes('/dataexport/')).every((r) => r.overall === 'granted')).toBe(true)
    expect(status('/api/v2/services/cci/app')).toBe('missing')
    expect(rows.find((r) => r.path === '/api/v2/services/cci/app')?.read.reason).toMatch(/403.*cannot consume/)
    expect(status('/api/v2/policy/urllist')).toBe('missing')
    expect(status('/api/v2/incidents/uba/getuci')).toBe('unknown')
  })

  it('sends only GETs, and dataexport probes use their own index from now (no consumer position moves)', () => {
    expect(sent.length).toBeGreaterThan(10)
    expect(sent.every((spec) => spec.method === 'GET' && spec.body.kind === 'none')).toBe(true)
    const probe = sent.find((spec) => spec.url.includes('/dataexport/'))
    expect(probe?.query.find((q) => q.name === 'index')?.value).toBe(SCOPE_PROBE_INDEX)
    expect(Number(probe?.query.find((q) => q.name === 'operation')?.value)).toBeGreaterThan(Date.now() / 1000 - 600)
  })

  it('a Read-only token: URL list read granted, its write half unknown (never probed)', async () => {
    const row = (await check('readonly', ['CTE'])).find((r) => r.path === '/api/v2/policy/urllist')
    expect(row).toMatchObject({ read: { status: 'granted' }, write: { status: 'unknown' }, overall: 'unknown' })
  })

  it('an expired token is reported as token invalid, an unreachable tenant as unknown with the reason', async () => {
    expect((await check('expired', ['ARE'])).every((r) => r.overall === 'token-invalid')).toBe(true)
    const dead = await check('dead', ['ARE'])
    expect(dead[0]).toMatchObject({ overall: 'unknown', read: { reason: expect.stringMatching(/no answer/) } })
  })

  it('refuses an environment without a v2 token, and paths that are not plain v2 paths', async () => {
    const v1 = await dispatch(handlers, 'iterator:check-scopes', { environmentId: 'v1only', paths: ['/api/v2/services/cci/app'] }, () => undefined)
    expect(v1).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/v2 token/) } })
    for (const path of ['/api/v2/policy/urllist/{id}', 'http://evil.example/api/v2/x', '/api/v2/a?x=1']) {
      expect(await dispatch(handlers, 'iterator:check-scopes', { environmentId: 'dataexport', paths: [path] }, () => undefined)).toMatchObject({ ok: false })
    }
  })
})
