import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/model/errors'
import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { SettingsSchema } from '@shared/model/settings'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { createSnippet } from '../../../../src/main/core/snippets/snippet-service'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { openVault, secretKey, type Vault } from '../../../../src/main/core/vault/vault'

// Snippet:copy and snippet:save build the snippet with the real secret values; when that
// fails, the error (returned to the renderer) must not quote them.
const SECRET = 'sekr3t0value9876xyz'
let root: string
let vault: Vault

const environment: Environment = {
  id: 'env',
  name: 'env',
  api: 'generic',
  baseUrl: 'https://api.example',
  variables: [],
  tls: { verify: true, caPath: null },
  auth: { kind: 'none' },
  sandbox: false
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'snippet-errors-'))
  vault = await openVault(root, createSessionCipher(null), [])
  await vault.set(secretKey('env', 'tok'), SECRET)
})
afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

async function failure(spec: RequestSpec): Promise<AppError> {
  const request = { spec, environment, language: 'python' as const, inlineSecrets: true, reveal: true }
  const error = await createSnippet(request, SettingsSchema.parse({}), vault).then(
    () => null,
    (thrown: unknown) => thrown
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}

describe('snippet copy/save errors', () => {
  it('a secret that ends up as the URL scheme is masked in the error', async () => {
    const error = await failure({ method: 'GET', url: '{{secret.tok}}://host/x', query: [], headers: [], body: { kind: 'none' } })
    expect(error.code).toBe('UNSUPPORTED_SCHEME')
    expect(containsSecretValue(`${error.message} ${error.hint ?? ''}`, [SECRET]), error.message).toBe(false)
    expect(error.message).toContain('••••')
  })
})
