import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { createEnvironmentManager, type EnvironmentManager } from '../../../../src/main/core/environment-manager'
import { createSnippet } from '../../../../src/main/core/snippets/snippet-service'
import { previewRequest } from '@shared/templating/preview'
import { startEchoServer, type EchoReply, type RunningServer } from '../../../support/echo-server'

/* Environments managed end to end on real files, a real vault (the test cipher, persistent) and a real echo server. */
const TOKEN = 'tok-4f9a-secret-variable-value'
let root: string
let dataDir: string
let core: AppCore
let manager: EnvironmentManager
let echo: RunningServer
const cipher = createSessionCipher(null, true)

const spec = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, ...extra })
let run = 0
const send = (environmentId: string, request: RequestSpec) => core.requests.send(`run-${++run}`, request, environmentId, () => undefined)
const reply = async (environmentId: string, request: RequestSpec): Promise<EchoReply> => {
  const result = await send(environmentId, request)
  return JSON.parse(result.preview.text) as EchoReply
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'env-manager-'))
  dataDir = join(root, 'data')
  echo = await startEchoServer()
  core = await createAppCore({ dataDir, tempDir: join(root, 'tmp'), startSandbox: false, cipher })
  manager = createEnvironmentManager(core)
})
afterAll(async () => {
  await core.close()
  await echo.close()
  await rm(root, { recursive: true, force: true })
})

async function withVariables(id: string, variables: Environment['variables']): Promise<Environment> {
  return manager.save({ ...core.environments.get(id), variables })
}

describe('environment manager', () => {
  let id: string

  it('creates an environment with a fresh id and the given name', async () => {
    const created = await manager.create({ name: 'Echo', api: 'generic', baseUrl: echo.url })
    id = created.id
    expect(created).toMatchObject({ name: 'Echo', baseUrl: echo.url, production: false, color: null, variables: [] })
    expect(core.environments.get(id).name).toBe('Echo')
  })

  it('resolves {{name}} from enabled plain variables; a missing one names the place to define it', async () => {
    await withVariables(id, [
      { name: 'tenant', value: 'acme', enabled: true, secret: false },
      { name: 'off', value: 'x', enabled: false, secret: false }
    ])
    expect((await reply(id, spec('/t/{{tenant}}'))).path).toBe('/t/acme')
    await expect(send(id, spec('/t/{{off}}'))).rejects.toMatchObject({ hint: 'Define it in Environments > Echo > Variables.' })
  })

  it('keeps a secret variable in the vault only, resolves it at send time and masks it in the answer and history', async () => {
    await withVariables(id, [
      { name: 'tenant', value: 'acme', enabled: true, secret: false },
      { name: 'token', value: '', enabled: true, secret: true }
    ])
    await expect(send(id, spec('/t/{{token}}'))).rejects.toMatchObject({ message: expect.stringMatching(/\{\{token\}\}/), hint: expect.stringMatching(/Environments > Echo > Variables/) })
    await manager.setSecretVariable(id, 'token', TOKEN)
    expect(manager.secretVariableStatus(id)).toEqual({ variables: [{ name: 'token', set: true }], storedSecrets: 1 })
    expect(await readFile(join(dataDir, 'environments.json'), 'utf8')).not.toContain(TOKEN)
    expect(await readFile(join(dataDir, 'vault.json'), 'utf8')).not.toContain(TOKEN)

    const result = await send(id, spec('/echo', { headers: [{ name: 'X-Token', value: '{{token}}', enabled: true }] }))
    expect(echo.requests.at(-1)?.headers).toContainEqual(['X-Token', TOKEN])
    expect(JSON.stringify(result)).not.toContain(TOKEN)
    await core.close()
    const history = await readdir(join(dataDir, 'history'))
    const texts = await Promise.all(history.map((file) => readFile(join(dataDir, 'history', file), 'utf8')))
    expect(texts.join('\n')).toContain('/echo')
    expect(texts.join('\n')).not.toContain(TOKEN)
    core = await createAppCore({ dataDir, tempDir: join(root, 'tmp'), startSandbox: false, cipher })
    manager = createEnvironmentManager(core)
  })

  it('a snippet shows a secret variable as its placeholder and a preview masks it, never the value', async () => {
    const environment = core.environments.get(id)
    const request = spec('/echo', { headers: [{ name: 'X-Token', value: '{{token}}', enabled: true }] })
    const snippet = await createSnippet({ spec: request, environment, language: 'curl', inlineSecrets: false }, core.settings.get(), core.vault)
    expect(snippet.code).toContain('{{token}}')
    expect(snippet.code).not.toContain(TOKEN)
    const masked = await createSnippet({ spec: request, environment, language: 'curl', inlineSecrets: true }, core.settings.get(), core.vault)
    expect(masked.code).not.toContain(TOKEN)
    expect(masked.code).toContain('<secret: token')
    expect(previewRequest(request, environment).headers[0]?.value).toEqual([{ kind: 'secret-var', name: 'token' }])
  })

  it('never sends a secret variable to an origin the environment does not own', async () => {
    const before = echo.requests.length
    const foreign = echo.url.replace('127.0.0.1', 'localhost')
    const failure = await send(id, spec(`${foreign}/steal?t={{token}}`)).catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('{{token}}') })
    expect(JSON.stringify(failure)).not.toContain(TOKEN)
    expect(echo.requests.length).toBe(before)
  })

  it('refuses to store a value for a name that is not a secret variable of the environment', async () => {
    await expect(manager.setSecretVariable(id, 'tenant', 'x')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(manager.setSecretVariable('nope', 'token', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('drops the vault value of a variable that is renamed or no longer secret', async () => {
    expect(await core.vault.reveal(secretKey(id, 'var/token'))).toBe(TOKEN)
    await withVariables(id, [{ name: 'token2', value: '', enabled: true, secret: true }])
    expect(core.vault.has(secretKey(id, 'var/token'))).toBe(false)
    expect(manager.secretVariableStatus(id).variables).toEqual([{ name: 'token2', set: false }])
  })

  it('duplicates without secrets unless asked, and with them when asked', async () => {
    await manager.setSecretVariable(id, 'token2', TOKEN)
    await core.vault.set(secretKey(id, 'apiKey'), 'api-key-value')
    const bare = await manager.duplicate(id, { copySecrets: false })
    expect(bare.environment).toMatchObject({ name: 'Echo copy', baseUrl: echo.url, variables: [{ name: 'token2', secret: true }] })
    expect(bare.environment.id).not.toBe(id)
    expect(bare).toMatchObject({ copiedSecrets: 0, skippedSecrets: 2 })
    expect(manager.secretVariableStatus(bare.environment.id).storedSecrets).toBe(0)

    const full = await manager.duplicate(id, { copySecrets: true, name: 'Echo staging' })
    expect(full).toMatchObject({ copiedSecrets: 2, skippedSecrets: 0, environment: { name: 'Echo staging' } })
    expect(await core.vault.reveal(secretKey(full.environment.id, 'var/token2'))).toBe(TOKEN)
    expect(await core.vault.reveal(secretKey(full.environment.id, 'apiKey'))).toBe('api-key-value')
  })

  it('a duplicate of the sandbox environment is an ordinary one', async () => {
    await core.environments.save({ ...core.environments.get(id), id: 'sbx', name: 'Sandbox', sandbox: true })
    const copy = await manager.duplicate('sbx', { copySecrets: false })
    expect(copy.environment.sandbox).toBe(false)
  })

  it('deletes an environment with every secret it had', async () => {
    await manager.delete(id)
    expect(core.environments.list().some((environment) => environment.id === id)).toBe(false)
    expect(core.vault.has(secretKey(id, 'var/token2'))).toBe(false)
    expect(core.vault.has(secretKey(id, 'apiKey'))).toBe(false)
  })
})
