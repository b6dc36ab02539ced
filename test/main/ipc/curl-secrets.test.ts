import { mkdtemp, rm } from 'node:fs/promises'
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

/* cURL import runs in main; its credentials go to the vault of the chosen environment or nowhere. */
const PASSWORD = 'pa55-w0rd-ipc-test'
const BASIC = Buffer.from(`alice:${PASSWORD}`).toString('base64')
let root: string
let core: AppCore
let handlers: Handlers
let echo: RunningServer

async function call<T = unknown>(command: string, input: unknown): Promise<Envelope<T>> {
  return (await dispatch(handlers, command, input, () => undefined)) as Envelope<T>
}
async function ok<T = unknown>(command: string, input: unknown): Promise<T> {
  const result = await call<T>(command, input)
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`)
  return result.value
}

interface Imported {
  request: { url: string; headers: Array<{ name: string; value: string }> }
  secrets: Array<{ name: string; label: string }>
  secretsId: string | null
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'curl-secrets-'))
  echo = await startEchoServer()
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => null })
  await core.environments.save({
    id: 'env-1', name: 'Echo', api: 'generic', baseUrl: echo.url, variables: [], tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false
  } as never)
})
afterAll(async () => {
  await core.close()
  await echo.close()
  await rm(root, { recursive: true, force: true })
})

describe('cURL import over IPC', () => {
  it('answers with placeholders only; "Move to vault" stores the values as secrets of the environment, once', async () => {
    const imported = await ok<Imported>('curl:import', { text: `curl -u alice:${PASSWORD} ${echo.url}/who` })
    const answer = JSON.stringify(imported)
    expect(answer).not.toContain(PASSWORD)
    expect(answer).not.toContain(BASIC)
    expect(imported.secrets.map((s) => s.name)).toEqual(['basicAuth'])
    expect(imported.secretsId).toEqual(expect.any(String))

    expect(await ok('curl:store-secrets', { secretsId: imported.secretsId, environmentId: 'env-1' })).toEqual({ stored: ['basicAuth'] })
    expect(await core.vault.reveal(secretKey('env-1', 'basicAuth'))).toBe(BASIC)
    // The values were handed over once and forgotten: a second store has nothing to store.
    const again = await call('curl:store-secrets', { secretsId: imported.secretsId, environmentId: 'env-1' })
    expect(again.ok).toBe(false)
  })

  it('"Discard" drops the values: nothing reaches the vault', async () => {
    const imported = await ok<Imported>('curl:import', { text: `curl -H 'X-Api-Key: discard-me-123456' ${echo.url}/` })
    expect(await ok('curl:discard-secrets', { secretsId: imported.secretsId })).toEqual({ discarded: true })
    const stored = await call('curl:store-secrets', { secretsId: imported.secretsId, environmentId: 'env-1' })
    expect(stored.ok).toBe(false)
    expect(await core.vault.reveal(secretKey('env-1', imported.secrets[0]?.name ?? ''))).toBeNull()
  })

  it('a command without credentials holds nothing; an unknown environment is refused', async () => {
    const plain = await ok<Imported>('curl:import', { text: `curl ${echo.url}/plain` })
    expect(plain).toMatchObject({ secrets: [], secretsId: null })
    const imported = await ok<Imported>('curl:import', { text: `curl -H 'Authorization: Bearer tok-abcdef-123' ${echo.url}/` })
    const refused = await call('curl:store-secrets', { secretsId: imported.secretsId, environmentId: 'nope' })
    expect(refused.ok).toBe(false)
  })
})
