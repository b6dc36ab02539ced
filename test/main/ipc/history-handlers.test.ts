import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../src/main/core/vault/vault'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import type { Envelope } from '../../../src/shared/model/errors'
import type { HistoryEntry, HistoryPage } from '../../../src/shared/collections/history-entry'
import type { Har } from '../../../src/shared/collections/har'
import type { BodyChunk, SendResult } from '../../../src/shared/model/response'
import { startEchoServer, type RunningServer } from '../../support/echo-server'
import { harValidator } from '../../support/har-validator'

// History's IPC commands on the real core: a real echo server on 127.0.0.1, the real history store and engine.
const TOKEN = 'nsk-v2-token-0123456789abcdef'
let root: string
let core: AppCore
let handlers: Handlers
let echo: RunningServer
const dialog: { save: string | null } = { save: null }

async function ok<T>(command: string, input: unknown): Promise<T> {
  const result = (await dispatch(handlers, command, input, () => undefined)) as Envelope<T>
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'history-handlers-'))
  echo = await startEchoServer()
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null, pickSavePath: async () => dialog.save })
  await core.environments.save({
    id: 'env-ns', name: 'Tenant EU', api: 'netskope', baseUrl: echo.url, variables: [], tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false
  })
  await core.vault.set(secretKey('env-ns', 'v2Token'), TOKEN)
  const spec = (url: string, method = 'GET'): unknown => ({ method, url, query: [], headers: [], body: { kind: 'none' } })
  await ok('request:send', { runId: 'r1', spec: spec('/api/v2/events/data/alert?limit=5'), environmentId: 'env-ns' })
  await ok('request:send', { runId: 'r2', spec: spec('/api/v2/policy/urllist', 'POST'), environmentId: 'env-ns' })
  await dispatch(handlers, 'request:send', { runId: 'r3', spec: spec('http://127.0.0.1:1/refused'), environmentId: null }, () => undefined)
})

afterAll(async () => {
  await core.close()
  await echo.close()
  await rm(root, { recursive: true, force: true })
})

describe('history commands', () => {
  it('search: each entry names its environment, filters by status class and method', async () => {
    const page = await ok<HistoryPage>('history:search', {})
    expect(page.items.map((item) => [item.method, item.environmentName])).toEqual([['GET', null], ['POST', 'Tenant EU'], ['GET', 'Tenant EU']])
    expect((await ok<HistoryPage>('history:search', { status: 'error' })).items.map((item) => item.url)).toEqual(['http://127.0.0.1:1/refused'])
    expect((await ok<HistoryPage>('history:search', { status: '2xx', method: 'POST' })).total).toBe(1)
  })

  it('open: the stored response comes back as a result the viewer can page, redacted, marked as stored', async () => {
    const [item] = (await ok<HistoryPage>('history:search', { text: 'alert' })).items
    const opened = await ok<{ entry: HistoryEntry; result: SendResult | null }>('history:open', { id: item?.id })
    expect(opened.entry.request.url).toBe('/api/v2/events/data/alert?limit=5')
    expect(opened.result?.status).toBe(200)
    expect(opened.result?.warnings[0]).toMatch(/^Stored response from history: received \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\.$/)
    const chunk = await ok<BodyChunk>('response:read-body', { responseId: opened.result?.responseId, offset: 0, length: 1 << 20 })
    expect(chunk.eof).toBe(true)
    // The echo server answered with the request it got, token header included: stored masked, shown masked.
    expect(chunk.text).toContain('/api/v2/events/data/alert')
    expect(chunk.text).not.toContain(TOKEN)
    expect(JSON.stringify(opened)).not.toContain(TOKEN)
    expect(await ok('response:release', { responseId: opened.result?.responseId })).toBeTruthy()

    const [refused] = (await ok<HistoryPage>('history:search', { status: 'error' })).items
    const failed = await ok<{ entry: HistoryEntry; result: SendResult | null }>('history:open', { id: refused?.id })
    expect(failed.result).toBeNull()
    expect(failed.entry.error?.code).toBe('CONNECTION_REFUSED')
  })

  it('export-har: the selected entries, with responses, as valid HAR 1.2 written where the save dialog said', async () => {
    const page = await ok<HistoryPage>('history:search', {})
    const path = join(root, 'out', 'selected.har')
    dialog.save = path
    const ids = page.items.slice(0, 2).map((item) => item.id)
    const written = await ok<{ path: string | null; entries: number; warnings: string[] }>('history:export-har', { ids: [...ids, 'gone-since'] })
    expect(written).toMatchObject({ path, entries: 2 })
    expect(written.warnings).toEqual([expect.stringContaining('"gone-since" no longer exists')])
    const text = await readFile(path, 'utf8')
    expect(text).not.toContain(TOKEN)
    const har = JSON.parse(text) as Har
    expect(harValidator()(har)).toEqual({ valid: true, errors: 'No errors' })
    // Oldest first: the POST, then the refused GET (status 0 with the reason).
    expect(har.log.entries.map((entry) => [entry.request.method, entry.response.status])).toEqual([['POST', 200], ['GET', 0]])
    expect(har.log.entries[0]?.request.url).toBe(`${echo.url}/api/v2/policy/urllist`)
    expect(har.log.entries[0]?.response.content.text).toContain('"method":"POST"')
    expect(har.log.entries[1]?.response.comment).toMatch(/CONNECTION_REFUSED/)

    dialog.save = null
    expect(await ok('history:export-har', { ids })).toEqual({ path: null, entries: 0, warnings: [] })
  })
})
