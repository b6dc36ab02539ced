import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import type { Envelope } from '../../../src/shared/model/errors'
import { startEchoServer, type RunningServer } from '../../support/echo-server'

// A compromised page must not be able to make main read (and upload) a local file it merely names: only files
// picked in main's dialog, or found in a request main itself read from disk (and confirmed by the user), are sent.
let root: string
let core: AppCore
let handlers: Handlers
let echo: RunningServer
let secretFile: string
let pickedFile: string
const picks: { file: string | null; folder: string | null } = { file: null, folder: null }

const call = (command: string, input: unknown): Promise<Envelope<unknown>> => dispatch(handlers, command, input, () => undefined)
const upload = (path: string): unknown => ({
  runId: `r-${Math.random()}`,
  spec: { method: 'POST', url: `${echo.url}/upload`, body: { kind: 'multipart', parts: [{ kind: 'file', name: 'file', path }] } }
})

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'file-grants-'))
  secretFile = join(root, 'id_rsa')
  pickedFile = join(root, 'report.csv')
  await writeFile(secretFile, 'PRIVATE KEY')
  await writeFile(pickedFile, 'a,b\n1,2\n')
  echo = await startEchoServer()
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => picks.file, pickFolder: async () => picks.folder, pickImportFile: async () => picks.file })
})
afterAll(async () => {
  await core.close()
  await echo.close()
  await rm(root, { recursive: true, force: true })
})

describe('file grants', () => {
  it('refuses to upload a file the page names, and sends one picked in the dialog', async () => {
    const refused = await call('request:send', upload(secretFile))
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(refused.ok ? '' : refused.error.message).toContain('was not chosen in this session')

    picks.file = pickedFile
    expect(await call('dialog:pick-file', { purpose: 'multipart' })).toEqual({ ok: true, value: { path: pickedFile } })
    expect(await call('request:send', upload(pickedFile))).toMatchObject({ ok: true, value: { status: 200 } })
    // Granting one file grants nothing else.
    expect(await call('request:send', upload(secretFile))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('accepts the files of a request main read from a collection on disk', async () => {
    const folder = join(root, 'collection')
    picks.folder = folder
    expect(await call('collection:create', { name: 'Uploads' })).toMatchObject({ ok: true })
    const spec = { method: 'POST', url: `${echo.url}/upload`, body: { kind: 'multipart', parts: [{ kind: 'file', name: 'file', path: secretFile }] } }
    // The page cannot launder a path through a collection: saving a request with an unchosen file is refused.
    expect(await call('collection:save-request', { folder, request: { name: 'Upload key', request: spec } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' }
    })
    // The user's own collection file (e.g. checked out from git), opened through main, may name it.
    const path = 'upload-key.request.json'
    await writeFile(
      join(folder, path),
      JSON.stringify({ formatVersion: 1, id: 'upload-key', name: 'Upload key', description: '', request: { query: [], headers: [], ...spec }, operationId: null, environmentId: null, auth: { kind: 'environment' }, iterator: null })
    )
    expect(await call('request:send', upload(secretFile))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('collection:read-request', { folder, path })).toMatchObject({ ok: true })
    // Read from disk, the file is offered for confirmation, not sent unasked (the collection may be someone else's).
    expect(await call('request:send', upload(secretFile))).toMatchObject({ ok: false, error: { code: 'FILE_CONFIRMATION_REQUIRED', files: [secretFile] } })
    expect(await call('file:confirm-upload', { paths: [secretFile] })).toEqual({ ok: true, value: { confirmed: [secretFile] } })
    expect(await call('request:send', upload(secretFile))).toMatchObject({ ok: true, value: { status: 200 } })
  })

  it('asks before the first upload of a file named by an imported collection, and confirms only what main offered', async () => {
    const named = join(root, 'credentials.txt')
    const other = join(root, 'other.txt')
    await writeFile(named, 'aws_secret_access_key = AKIA-NAMED-BY-IMPORT')
    await writeFile(other, 'OTHER')
    const shared = join(root, 'shared.postman_collection.json')
    const item = { name: 'Upload', request: { method: 'POST', url: `${echo.url}/upload`, body: { mode: 'formdata', formdata: [{ key: 'file', src: named, type: 'file' }] } } }
    await writeFile(shared, JSON.stringify({ info: { name: 'Shared', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [item] }))
    picks.file = shared
    picks.folder = join(root, 'imported')
    expect(await call('collection:import-postman', {})).toMatchObject({ ok: true, value: { requestCount: 1 } })
    const read = await call('collection:read-request', { folder: picks.folder, path: 'upload.request.json' })
    expect(read).toMatchObject({ ok: true, value: { request: { body: { parts: [{ path: named }] } } } })

    const first = await call('request:send', upload(named))
    expect(first).toMatchObject({ ok: false, error: { code: 'FILE_CONFIRMATION_REQUIRED', files: [named] } })
    expect(first.ok ? '' : first.error.message).toContain(named)
    // The page cannot use the confirmation to grant a path main did not offer (nor one it merely named in a send).
    expect(await call('request:send', upload(other))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('file:confirm-upload', { paths: [other] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('file:confirm-upload', { paths: [named, other] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('request:send', upload(named))).toMatchObject({ ok: false, error: { code: 'FILE_CONFIRMATION_REQUIRED' } })

    expect(await call('file:confirm-upload', { paths: [named] })).toEqual({ ok: true, value: { confirmed: [named] } })
    const sent = await call('request:send', upload(named))
    expect(sent).toMatchObject({ ok: true, value: { status: 200 } })
    expect(await call('request:send', upload(other))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('saves an offered file part back to a collection without confirming it first', async () => {
    const folder = join(root, 'imported')
    const read = await call('collection:read-request', { folder, path: 'upload.request.json' })
    expect(read.ok).toBe(true)
    const saved = read.ok ? (read.value as { name: string; request: unknown }) : null
    expect(await call('collection:save-request', { folder, path: 'upload.request.json', request: { name: saved?.name, request: saved?.request } })).toMatchObject({ ok: true })
  })

  it('accepts a CA bundle path only when picked in the dialog or unchanged', async () => {
    const env = { id: 'lab', name: 'Lab', baseUrl: 'https://lab.invalid', tls: { verify: true, caPath: null } }
    expect(await call('environment:save', env)).toMatchObject({ ok: true })
    const named = await call('environment:save', { ...env, tls: { verify: true, caPath: join(root, 'named.pem') } })
    expect(named).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const ca = join(root, 'ca.pem')
    picks.file = ca
    await call('dialog:pick-file', { purpose: 'ca-bundle' })
    expect(await call('environment:save', { ...env, tls: { verify: true, caPath: ca } })).toMatchObject({ ok: true })
    // Saving other changes keeps the environment's existing CA path without a new pick.
    expect(await call('environment:save', { ...env, name: 'Lab 2', tls: { verify: false, caPath: ca } })).toMatchObject({ ok: true })
  })
})
