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
import { startEchoServer, type RunningServer } from '../../support/echo-server'

const TOKEN = 'nsk-v2-token-0123456789abcdef'
let root: string
let core: AppCore
let handlers: Handlers
let echo: RunningServer
const dialog: { save: string | null; folder: string | null; file: string | null } = { save: null, folder: null, file: null }
let clipboard: string | null = null

async function ok<T = unknown>(command: string, input: unknown): Promise<T> {
  const result = (await dispatch(handlers, command, input, () => undefined)) as Envelope<T>
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'library-handlers-'))
  echo = await startEchoServer()
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null, pickSavePath: async () => dialog.save, pickFolder: async () => dialog.folder, pickImportFile: async () => dialog.file, writeClipboard: (text) => (clipboard = text) })
  await core.environments.save({
    id: 'env-ns',
    name: 'Tenant',
    api: 'netskope',
    baseUrl: echo.url,
    variables: [{ name: 'limit', value: '5', enabled: true }],
    tls: { verify: true, caPath: null },
    auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
    sandbox: false
  })
  await core.vault.set(secretKey('env-ns', 'v2Token'), TOKEN)
})

afterAll(async () => {
  await core.close()
  await echo.close()
  await rm(root, { recursive: true, force: true })
})

const spec = { method: 'GET', url: '/api/v2/events/data/alert', query: [{ name: 'limit', value: '{{limit}}', enabled: true }], headers: [], body: { kind: 'none' } }

describe('history through IPC', () => {
  it('records a successful and a failed send, redacted, and finds them', async () => {
    await ok('request:send', { runId: 'r1', spec, environmentId: 'env-ns' })
    const failed = await dispatch(handlers, 'request:send', { runId: 'r2', spec: { ...spec, url: '/x/{{missing}}' }, environmentId: 'env-ns' }, () => undefined)
    expect(failed.ok).toBe(false)
    const page = await ok<{ items: Array<{ id: string; status: number | null; errorCode: string | null; url: string }>; total: number }>('history:search', { text: 'alert' })
    expect(page.total).toBe(1)
    expect(page.items[0]?.status).toBe(200)
    const all = await ok<{ items: Array<{ errorCode: string | null }> }>('history:search', {})
    expect(all.items.map((item) => item.errorCode)).toEqual(['INVALID_INPUT', null])
    const entry = await ok<object>('history:get', { id: page.items[0]?.id })
    expect(JSON.stringify(entry)).not.toContain(TOKEN)
    const stored = await readFile(join(root, 'data', 'history', 'history-000001.ndjson'), 'utf8')
    expect(stored).toContain('/api/v2/events/data/alert')
    expect(stored).not.toContain(TOKEN)
    await ok('history:clear', {})
    expect((await ok<{ total: number }>('history:search', {})).total).toBe(0)
  })
})

describe('snippets through IPC', () => {
  it('resolves variables and reads the token from the environment unless secrets are inlined', async () => {
    const python = await ok<{ code: string; envVars: Array<{ name: string }> }>('snippet:generate', { spec, environmentId: 'env-ns', language: 'python' })
    expect(python.code).toContain(`${echo.url}/api/v2/events/data/alert`)
    expect(python.code).toContain('("limit", "5")')
    expect(python.code).toContain('NETSKOPE_API_TOKEN')
    expect(python.code).not.toContain(TOKEN)
    expect(python.envVars.map((v) => v.name)).toEqual(['NETSKOPE_API_TOKEN'])
    const curl = await ok<{ code: string }>('snippet:generate', { spec, environmentId: 'env-ns', language: 'curl' })
    expect(curl.code).toMatch(/^curl /m)
    expect(curl.code).not.toContain(TOKEN)
    const inlined = await ok<{ code: string; inlined: boolean }>('snippet:generate', { spec, environmentId: 'env-ns', language: 'curl', inlineSecrets: true })
    // What the renderer gets to display is masked: the value only goes into main's own copy and save.
    expect(inlined.inlined).toBe(true)
    expect(inlined.code).not.toContain(TOKEN)
    expect(inlined.code).toContain('<secret: Netskope REST API v2 token, inserted on copy or save>')
  })

  it('saves a snippet where the save dialog says (secrets only when asked), and nothing when it is cancelled', async () => {
    dialog.save = join(root, 'snippet.py')
    expect(await ok('snippet:save', { spec, environmentId: 'env-ns', language: 'python' })).toEqual({ path: dialog.save })
    const plain = await readFile(dialog.save, 'utf8')
    expect(plain).toContain('import requests')
    expect(plain).not.toContain(TOKEN)
    expect(await ok('snippet:save', { spec, environmentId: 'env-ns', language: 'python', inlineSecrets: true })).toEqual({ path: dialog.save })
    expect(await readFile(dialog.save, 'utf8')).toContain(TOKEN)
    dialog.save = null
    expect(await ok('snippet:save', { spec, environmentId: 'env-ns', language: 'python' })).toEqual({ path: null })
  })

  it('copies to the clipboard in main, with the secret only when asked', async () => {
    expect(await ok('snippet:copy', { spec, environmentId: 'env-ns', language: 'curl', inlineSecrets: true })).toEqual({ copied: true })
    expect(clipboard).toContain(TOKEN)
    await ok('snippet:copy', { spec, environmentId: 'env-ns', language: 'curl' })
    expect(clipboard).toMatch(/^curl /m)
    expect(clipboard).not.toContain(TOKEN)
  })
})

describe('collections through IPC', () => {
  it('creates a collection in the chosen folder, saves, renames, duplicates, deletes, and refuses other folders', async () => {
    const folder = join(root, 'my-collection')
    dialog.folder = folder
    const created = await ok<{ tree: { name: string; folder: string } }>('collection:create', { name: 'Mine' })
    expect(created.tree).toMatchObject({ name: 'Mine', folder })
    const saved = await ok<{ path: string; saved: { id: string } }>('collection:save-request', { folder, request: { name: 'Alerts', request: spec, environmentId: 'env-ns' } })
    expect(saved.path).toBe('alerts.request.json')
    const read = await ok<{ name: string; request: { url: string } }>('collection:read-request', { folder, path: saved.path })
    expect(read).toMatchObject({ name: 'Alerts', request: { url: spec.url } })
    const renamed = await ok<{ path: string }>('collection:rename-request', { folder, path: saved.path, name: 'All alerts' })
    const copy = await ok<{ path: string }>('collection:duplicate-request', { folder, path: renamed.path })
    await ok('collection:delete-request', { folder, path: copy.path })
    const listed = await ok<Array<{ folder: string; tree: { requestCount: number; root: { children: Array<{ name: string }> } } }>>('collection:list', {})
    expect(listed).toHaveLength(1)
    expect(listed[0]?.tree.root.children.map((child) => child.name)).toEqual(['All alerts'])

    const sub = await ok<{ path: string }>('collection:create-folder', { folder, name: 'Events' })
    const moved = await ok<{ path: string }>('collection:move-request', { folder, path: renamed.path, toFolder: sub.path })
    expect(moved.path).toBe(`${sub.path}/all-alerts.request.json`)
    const renamedFolder = await ok<{ path: string }>('collection:rename-folder', { folder, path: sub.path, name: 'Event APIs' })
    const nested = await ok<Array<{ tree: { requestCount: number; root: { children: Array<{ name: string; type: string }> } } }>>('collection:list', {})
    expect(nested[0]?.tree.root.children).toMatchObject([{ type: 'folder', name: 'Event APIs' }])
    expect(nested[0]?.tree.requestCount).toBe(1)
    await ok('collection:delete-folder', { folder, path: renamedFolder.path })
    expect((await ok<Array<{ tree: { requestCount: number } }>>('collection:list', {}))[0]?.tree.requestCount).toBe(0)

    const outside = await dispatch(handlers, 'collection:read-request', { folder: root, path: 'x.request.json' }, () => undefined)
    expect(outside).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ok('collection:close', { folder })).toEqual({ closed: true })
    expect(await ok('collection:list', {})).toEqual([])
    dialog.folder = null
    expect(await ok('collection:open', {})).toEqual({ tree: null })
  })
})

describe('Postman and HAR through IPC', () => {
  const fixture = join(import.meta.dirname, '../core/collections/fixtures/sample.postman_collection.json')

  it('imports a Postman file into an empty folder without its secrets, then exports Postman and HAR', async () => {
    const folder = join(root, 'imported')
    dialog.file = fixture
    dialog.folder = folder
    const imported = await ok<{ tree: { name: string; requestCount: number }; droppedSecrets: unknown[]; warnings: string[] }>('collection:import-postman', {})
    expect(imported.tree.name).toBe('Security APIs (sample)')
    expect(imported.tree.requestCount).toBeGreaterThan(3)
    expect(imported.droppedSecrets.length).toBeGreaterThan(0)
    const listed = await ok<Array<{ folder: string }>>('collection:list', {})
    expect(listed.map((entry) => entry.folder)).toContain(folder)

    dialog.save = join(root, 'out.postman_collection.json')
    const postman = await ok<{ path: string }>('collection:export-postman', { folder })
    expect(postman.path).toBe(dialog.save)
    const postmanText = await readFile(dialog.save, 'utf8')
    expect(JSON.parse(postmanText)).toMatchObject({ info: { name: 'Security APIs (sample)' } })
    dialog.save = join(root, 'out.har')
    await ok('collection:export-har', { folder, environmentId: 'env-ns' })
    const harText = await readFile(dialog.save, 'utf8')
    expect((JSON.parse(harText) as { log: { version: string; entries: unknown[] } }).log.entries.length).toBe(imported.tree.requestCount)
    for (const text of [postmanText, harText]) {
      expect(text).not.toContain('nsk-LITERAL-v2-token-0123456789')
      expect(text).not.toContain('ce-LITERAL-client-secret')
    }

    // The target folder must be new or empty: a second import there is refused and changes nothing.
    const again = await dispatch(handlers, 'collection:import-postman', {}, () => undefined)
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    dialog.file = null
    expect(await ok('collection:import-postman', {})).toBeNull()
  })
})
