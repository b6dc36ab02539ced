import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch } from '../../../src/main/ipc/dispatch'
import { startSandbox } from '../../../src/sandbox'

// sandbox:status through the contract's output schema, with the real sandbox: every listener's URL survives it.
let root: string
let core: AppCore

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sandbox-status-'))
  core = await createAppCore({
    dataDir: join(root, 'data'),
    tempDir: join(root, 'bodies'),
    startSandbox: (dataDir) => startSandbox({ dataDir, http: true }),
    cipher: createSessionCipher(null, true)
  })
})
afterAll(async () => {
  await core?.close()
  await rm(root, { recursive: true, force: true })
})

describe('sandbox:status', () => {
  it('lists the URL of every listener, Falcon included', async () => {
    const result = await dispatch(createHandlers(core, { pickFile: async () => null }), 'sandbox:status', {}, () => undefined)
    expect(result).toMatchObject({ ok: true, value: { running: true, caPath: null } })
    const urls = result.ok ? (result.value as { urls: Record<string, string> }).urls : {}
    expect(Object.keys(urls).sort()).toEqual(['cloudExchange', 'falcon', 'insightcloudsec', 'netskope'])
    expect(urls['falcon']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})
