import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { startSandbox } from '../../../../src/sandbox'
import type { RunningSandbox } from '../../../../src/sandbox/types'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { createHandlers } from '../../../../src/main/ipc/handlers'
import { dispatch, type Emit, type Handlers } from '../../../../src/main/ipc/dispatch'
import type { EventName } from '../../../../src/shared/ipc/contract'

// The iterator commands through the real dispatch (schema validation) and handler table, with a test save dialog.
let sandbox: RunningSandbox
let core: AppCore
let handlers: Handlers
let dir: string
let savePath: string | null = null

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iterator-ipc-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), http: true, waitTime: 0 })
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null, pickSavePath: async () => savePath })
  for (const [id, secrets] of [['v2', { v2Token: sandbox.credentials.netskope.v2Tokens[0]?.token ?? '' }], ['v1', { v1Token: sandbox.credentials.netskope.v1Token }]] as const) {
    await core.environments.save({ id, name: id, api: 'netskope', baseUrl: sandbox.urls.netskope, variables: [], tls: { verify: true, caPath: null },
      auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false })
    for (const [name, value] of Object.entries(secrets)) await core.vault.set(secretKey(id, name), value)
  }
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
})

describe('iterator IPC', () => {
  it('availability: v1-only refused with the reason, v2 token accepted', async () => {
    expect(await dispatch(handlers, 'iterator:availability', { environmentId: 'v1' }, () => undefined))
      .toMatchObject({ ok: true, value: { available: false, reason: expect.stringMatching(/v2 token/) } })
    expect(await dispatch(handlers, 'iterator:availability', { environmentId: 'v2' }, () => undefined))
      .toEqual({ ok: true, value: { available: true, reason: null } })
  })

  it('rejects a bad index in the payload and an export path not chosen in the save dialog', async () => {
    const base = { runId: 'r1', environmentId: 'v2', endpoint: '/api/v2/events/dataexport/alerts/dlp', operation: 'next', mode: 'one-page' }
    const badIndex = await dispatch(handlers, 'iterator:start', { ...base, index: 'no spaces' }, () => undefined)
    expect(badIndex).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(!badIndex.ok && badIndex.error.message).toContain('index')
    const notPicked = await dispatch(handlers, 'iterator:start', { ...base, index: 'i', export: { format: 'ndjson', path: join(dir, 'evil.ndjson') } }, () => undefined)
    expect(notPicked).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/save dialog/) } })
  })

  it('pick-export then start: events for progress and page previews, file written, state listed', async () => {
    savePath = join(dir, 'picked.ndjson')
    expect(await dispatch(handlers, 'iterator:pick-export', { format: 'ndjson' }, () => undefined)).toEqual({ ok: true, value: { path: savePath } })
    const seen: EventName[] = []
    let previewSize = -1
    const emit: Emit = (event, payload) => {
      seen.push(event)
      if (event === 'iterator:page') previewSize = (payload as { records: unknown[] }).records.length
    }
    const result = await dispatch(handlers, 'iterator:start', { runId: 'r2', environmentId: 'v2', endpoint: '/api/v2/events/dataexport/alerts/dlp',
      index: 'ipc', operation: Math.floor(Date.now() / 1000) - 5000, mode: 'one-page', export: { format: 'ndjson', path: savePath } }, emit)
    expect(result).toMatchObject({ ok: true, value: { stopReason: 'one-page', exportPath: savePath } })
    const records = result.ok ? (result.value as { records: number }).records : 0
    expect((await readFile(savePath, 'utf8')).trim().split('\n').length).toBe(records)
    expect(seen).toContain('iterator:progress')
    expect(previewSize).toBe(Math.min(records, 50))
    const states = await dispatch(handlers, 'iterator:state', {}, () => undefined)
    expect(states.ok && (states.value as Array<{ index: string }>).some((s) => s.index === 'ipc')).toBe(true)
    expect(await dispatch(handlers, 'iterator:cancel', { runId: 'r2' }, () => undefined)).toEqual({ ok: true, value: { cancelled: false } })
  })
})
