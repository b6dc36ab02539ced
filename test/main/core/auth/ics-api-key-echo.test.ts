import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { listen, type RunningServer } from '../../../support/echo-server'
import { createIcsApiKey } from '../../../../src/main/core/auth/ics-api-key'
import { createAuthenticator } from '../../../../src/main/core/auth/authenticator'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { openVault, secretKey, type Vault } from '../../../../src/main/core/vault/vault'
import { sendOptionsFor } from '../../../../src/main/core/request-runner'
import { DEFAULT_SETTINGS } from '@shared/model/settings'
import { expectAppError, makeEngine, type EngineFixture } from '../http/helpers'

// "Generate API key" quotes the server's error_message; a server that repeats the request's
// Api-Key header there must not put the key into the error the auth panel shows.
const API_KEY = 'ics-api-key-(echoed)~0123456789abcdef'
let server: RunningServer
let fx: EngineFixture
let vault: Vault
let dir: string

beforeAll(async () => {
  server = await listen(
    createServer((req, res) => {
      res.writeHead(403, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error_message: `key ${String(req.headers['api-key'])} may not read user info` }))
    }),
    'http',
    []
  )
  fx = await makeEngine()
  dir = await mkdtemp(join(tmpdir(), 'ics-key-echo-'))
  vault = await openVault(dir, createSessionCipher('test'), [])
  await vault.set(secretKey('ics', 'apiKey'), API_KEY)
})
afterAll(async () => {
  await fx.dispose()
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

it('the API key a server echoes in its error_message is masked in the error', async () => {
  const environment: Environment = {
    id: 'ics', name: 'ICS', api: 'insightcloudsec', baseUrl: server.url, variables: [], tls: { verify: true, caPath: null },
    auth: { kind: 'insightcloudsec', username: '' }, sandbox: false
  } as Environment
  const auth = createAuthenticator(fx.engine, vault)
  const error = await expectAppError(createIcsApiKey({ engine: fx.engine, auth, vault }, environment, sendOptionsFor(DEFAULT_SETTINGS, environment)), 'INVALID_INPUT')
  expect(error.message).toContain('may not read user info')
  expect(containsSecretValue(`${error.message} ${error.hint ?? ''}`, [API_KEY]), error.message).toBe(false)
})
