import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { variableSecretKey } from '../../../../src/main/core/vault/vault'
import { parsePostmanEnvironment } from '../../../../src/main/core/environments-import/postman-environment'
import { createPostmanEnvironmentImport, type PostmanEnvironmentImport } from '../../../../src/main/core/environments-import/postman-environment-import'

/* A Postman environment file becomes an environment: plain values as variables, secret ones only after a yes. */
const FILE = {
  id: '5b1f', name: 'Acme tenant', _postman_variable_scope: 'environment',
  values: [
    { key: 'baseUrl', value: 'https://acme.example.com', enabled: true, type: 'default' },
    { key: 'tenant', value: 'acme', enabled: true, type: 'default' },
    { key: 'region', value: 'eu', enabled: false, type: 'default' },
    { key: 'api_token', value: 'pm-token-value-1234', enabled: true, type: 'default' },
    { key: 'opaque', value: 'pm-typed-secret-5678', enabled: true, type: 'secret' },
    { key: 'emptyPassword', value: '', enabled: true, type: 'default' },
    { key: 'bad name!', value: 'x', enabled: true, type: 'default' }
  ]
}

describe('Postman environment file', () => {
  it('splits plain values from values that look secret (type "secret" or a credential-like name)', () => {
    const parsed = parsePostmanEnvironment(JSON.stringify(FILE))
    expect(parsed.name).toBe('Acme tenant')
    expect(parsed.variables).toEqual([
      { name: 'baseUrl', value: 'https://acme.example.com', enabled: true, secret: false },
      { name: 'tenant', value: 'acme', enabled: true, secret: false },
      { name: 'region', value: 'eu', enabled: false, secret: false },
      { name: 'api_token', value: '', enabled: true, secret: true },
      { name: 'opaque', value: '', enabled: true, secret: true },
      { name: 'emptyPassword', value: '', enabled: true, secret: true }
    ])
    expect(parsed.secrets).toEqual([{ name: 'api_token', value: 'pm-token-value-1234' }, { name: 'opaque', value: 'pm-typed-secret-5678' }])
    expect(parsed.warnings).toEqual(['Variable "bad name!" was skipped: {{name}} cannot refer to that name.'])
  })

  it('says what is wrong with a file that is not a Postman environment', () => {
    expect(() => parsePostmanEnvironment('{')).toThrow(/Postman environment/)
    expect(() => parsePostmanEnvironment(JSON.stringify({ info: { name: 'a collection' }, item: [] }))).toThrow(/"values"/)
  })
})

describe('importing it', () => {
  let root: string
  let core: AppCore
  let importer: PostmanEnvironmentImport
  let file: string
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pm-env-'))
    core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
    importer = createPostmanEnvironmentImport(core)
    file = join(root, 'acme.postman_environment.json')
    await writeFile(file, JSON.stringify(FILE))
  })
  afterAll(async () => {
    await core.close()
    await rm(root, { recursive: true, force: true })
  })

  it('creates the environment with no secret value; the held values go to the vault only when the user says so', async () => {
    const result = await importer.importFile(file)
    expect(result.environment).toMatchObject({ name: 'Acme tenant', baseUrl: 'https://acme.example.com' })
    expect(result.secretNames).toEqual(['api_token', 'opaque'])
    expect(JSON.stringify(result)).not.toContain('pm-token-value-1234')
    expect(JSON.stringify(core.environments.list())).not.toContain('pm-token-value-1234')
    expect(core.vault.has(variableSecretKey(result.environment.id, 'api_token'))).toBe(false)

    expect(await importer.storeSecrets(result.secretsId ?? '')).toEqual({ stored: ['api_token', 'opaque'] })
    expect(await core.vault.reveal(variableSecretKey(result.environment.id, 'opaque'))).toBe('pm-typed-secret-5678')
    await expect(importer.storeSecrets(result.secretsId ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('discarded secrets never reach the vault', async () => {
    const result = await importer.importFile(file)
    expect(importer.discardSecrets(result.secretsId ?? '')).toBe(true)
    await expect(importer.storeSecrets(result.secretsId ?? '')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(core.vault.keys(variableSecretKey(result.environment.id, ''))).toEqual([])
  })
})
