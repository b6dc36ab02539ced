import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { variableSecretKey } from '../../../src/main/core/vault/vault'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Handlers } from '../../../src/main/ipc/dispatch'
import type { Envelope } from '../../../src/shared/model/errors'
import type { PlatformPort } from '../../../src/main/core/ports/platform-port'
import { writeFile } from 'node:fs/promises'

/* The environments manager's commands through the real dispatch (schema, handler, core): what crosses IPC. */
const VALUE = 'ipc-secret-variable-9c1e'
let root: string
let core: AppCore
let handlers: Handlers
const platform: PlatformPort = { pickFile: async () => null }
const answers: string[] = []

async function call<T = unknown>(command: string, input: unknown): Promise<Envelope<T>> {
  const result = (await dispatch(handlers, command, input, () => undefined)) as Envelope<T>
  answers.push(JSON.stringify(result))
  return result
}
async function ok<T = unknown>(command: string, input: unknown): Promise<T> {
  const result = await call<T>(command, input)
  if (!result.ok) throw new Error(`${command}: ${result.error.code} ${result.error.message}`)
  return result.value
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'env-ipc-'))
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'bodies'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, platform)
})
afterAll(async () => {
  await core.close()
  await rm(root, { recursive: true, force: true })
})

describe('environment commands over IPC', () => {
  it('create, rename, mark, secret variable, duplicate, delete; no answer ever carries the secret value', async () => {
    const created = await ok<Environment>('environment:create', { name: '  Tenant A ', baseUrl: 'https://a.example.com' })
    expect(created).toMatchObject({ name: 'Tenant A', production: false, color: null })

    const renamed = await ok<Environment>('environment:save', {
      ...created, name: 'Tenant A prod', color: 'red', production: true,
      variables: [{ name: 'region', value: 'eu', enabled: true, secret: false }, { name: 'token', value: '', enabled: true, secret: true }]
    })
    expect(renamed).toMatchObject({ name: 'Tenant A prod', color: 'red', production: true })

    expect(await ok('environment:set-secret-variable', { environmentId: created.id, name: 'token', value: VALUE })).toEqual({ set: true })
    expect(await core.vault.reveal(variableSecretKey(created.id, 'token'))).toBe(VALUE)
    expect(await ok('environment:secret-variables', { environmentId: created.id })).toEqual({ variables: [{ name: 'token', set: true }], storedSecrets: 1 })

    const copy = await ok<{ environment: Environment; copiedSecrets: number; skippedSecrets: number }>('environment:duplicate', { id: created.id, copySecrets: false })
    expect(copy).toMatchObject({ copiedSecrets: 0, skippedSecrets: 1, environment: { name: 'Tenant A prod copy', production: true } })
    expect(await ok('environment:secret-variables', { environmentId: copy.environment.id })).toEqual({ variables: [{ name: 'token', set: false }], storedSecrets: 0 })

    expect(await ok('environment:delete-secret-variable', { environmentId: created.id, name: 'token' })).toEqual({ deleted: true })
    expect(await ok('environment:delete', { id: created.id })).toEqual({ deleted: true })
    expect((await ok<Environment[]>('environment:list', {})).map((environment) => environment.id)).toEqual([copy.environment.id])
    expect(answers.join('\n')).not.toContain(VALUE)
  })

  it('refuses a secret variable with a value in a save, a colour outside the palette, and an empty name', async () => {
    const created = await ok<Environment>('environment:create', { name: 'B' })
    const leak = await call('environment:save', { ...created, variables: [{ name: 'token', value: VALUE, enabled: true, secret: true }] })
    expect(leak).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('environment:save', { ...created, color: 'expression(alert(1))' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('environment:create', { name: '   ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('environment:set-secret-variable', { environmentId: created.id, name: 'nope', value: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(JSON.stringify(core.environments.list())).not.toContain(VALUE)
  })

  it('environment:update changes only the given fields, so quick edits do not undo each other', async () => {
    const created = await ok<Environment>('environment:create', { name: 'C', baseUrl: 'https://c.example.com' })
    await ok('environment:update', { id: created.id, production: true })
    await ok('environment:update', { id: created.id, color: 'blue' })
    await ok('environment:update', { id: created.id, variables: [{ name: 'x', value: '1', enabled: true, secret: false }] })
    expect(core.environments.get(created.id)).toMatchObject({ name: 'C', production: true, color: 'blue', baseUrl: 'https://c.example.com', variables: [{ name: 'x' }] })
    await ok('environment:update', { id: created.id, color: null })
    expect(core.environments.get(created.id)).toMatchObject({ color: null, production: true, variables: [{ name: 'x', value: '1' }] })
    expect(await call('environment:update', { id: 'missing', production: true })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('imports a Postman environment: the answer names the held secrets, never their values', async () => {
    const file = join(root, 'lab.postman_environment.json')
    await writeFile(file, JSON.stringify({ name: 'Lab', values: [{ key: 'tenant', value: 'lab' }, { key: 'password', value: VALUE, type: 'secret' }] }))
    platform.pickImportFile = async () => file
    const imported = await ok<{ environment: Environment; secretNames: string[]; secretsId: string }>('environment:import-postman', {})
    expect(imported.environment.variables).toEqual([
      { name: 'tenant', value: 'lab', enabled: true, secret: false },
      { name: 'password', value: '', enabled: true, secret: true }
    ])
    expect(imported.secretNames).toEqual(['password'])
    expect(await ok('environment:store-imported-secrets', { secretsId: imported.secretsId })).toEqual({ stored: ['password'] })
    expect(await ok('environment:secret-variables', { environmentId: imported.environment.id })).toMatchObject({ variables: [{ name: 'password', set: true }] })
    platform.pickImportFile = async () => null
    expect(await ok('environment:import-postman', {})).toBeNull()
    expect(answers.join('\n')).not.toContain(VALUE)
  })
})
