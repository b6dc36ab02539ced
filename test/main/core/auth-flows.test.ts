import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { startSandbox } from '../../../src/sandbox'
import type { RunningSandbox } from '../../../src/sandbox/types'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../src/main/core/vault/vault'
import { describeAuth } from '../../../src/main/core/auth/auth-status'
import type { Environment } from '../../../src/shared/model/environment'
import type { RequestSpec } from '../../../src/shared/model/request'
import type { SendResult } from '../../../src/shared/model/response'

// Every auth mode end to end: real core (vault, authenticator, engine) against the real sandbox over HTTPS,
// trusting the sandbox CA through the environment's custom-CA setting.
let sandbox: RunningSandbox
let core: AppCore
let clockOffsetMs = 0
let run = 0

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'auth-flows-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), waitTime: 0, now: () => Date.now() + clockOffsetMs })
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
})

async function environment(id: string, api: Environment['api'], auth: Environment['auth'], secrets: Record<string, string>): Promise<Environment> {
  const url = { netskope: sandbox.urls.netskope, 'cloud-exchange': sandbox.urls.cloudExchange, insightcloudsec: sandbox.urls.insightcloudsec, falcon: sandbox.urls.falcon, generic: '' }[api]
  const saved = await core.environments.save({
    id, name: id, api, baseUrl: url, variables: [], tls: { verify: true, caPath: sandbox.caPath }, auth, sandbox: false
  })
  for (const [name, value] of Object.entries(secrets)) await core.vault.set(secretKey(id, name), value)
  return saved
}

async function send(environmentId: string, spec: Partial<RequestSpec> & { url: string }): Promise<SendResult & { json: unknown }> {
  const full: RequestSpec = { method: 'GET', query: [], headers: [], body: { kind: 'none' }, ...spec }
  const result = await core.requests.send(`run-${++run}`, full, environmentId, () => undefined)
  let json: unknown = null
  try { json = JSON.parse(result.preview.text) } catch { /* not JSON */ }
  return { ...result, json }
}

function pick<T>(items: readonly T[], what: string): T {
  const item = items[0]
  if (item === undefined) throw new Error(`sandbox has no ${what}`)
  return item
}
const nth = <T,>(items: readonly T[], index: number, what: string): T => pick(items.slice(index), what)

const echoed = (result: SendResult, name: string): string | undefined =>
  result.requestEcho.headers.find(([header]) => header.toLowerCase() === name.toLowerCase())?.[1]

describe('auth flows against the sandbox', () => {
  it('InsightCloudSec API key: Api-Key header, masked in the echo', async () => {
    const user = pick(sandbox.credentials.insightcloudsec.users, 'ICS user')
    await environment('ics-key', 'insightcloudsec', { kind: 'insightcloudsec', username: '' }, { apiKey: user.apiKey })
    const result = await send('ics-key', { url: '/v2/public/user/info' })
    expect(result.status).toBe(200)
    expect(JSON.stringify(result.json)).toContain(user.username)
    expect(echoed(result, 'api-key')).toBeDefined()
    expect(echoed(result, 'api-key')).not.toBe(user.apiKey)
  })

  it('InsightCloudSec login: session_id sent as x-auth-token, re-login after the session expires', async () => {
    const user = nth(sandbox.credentials.insightcloudsec.users, 1, 'second ICS user')
    await environment('ics-login', 'insightcloudsec', { kind: 'insightcloudsec', username: user.username }, { password: user.password })
    const first = await send('ics-login', { url: '/v2/prototype/domain/organizations/detail/get' })
    expect(first.status).toBe(200)
    expect(echoed(first, 'x-auth-token')).toBeDefined()
    const firstSession = core.auth.session('ics-login')?.token
    expect(firstSession).toBeTruthy()

    clockOffsetMs += (sandbox.credentials.insightcloudsec.sessionTimeoutMinutes + 5) * 60_000
    const second = await send('ics-login', { url: '/v2/public/user/info' })
    expect(second.status).toBe(200)
    expect(core.auth.session('ics-login')?.token).not.toBe(firstSession)

    expect(await core.logout('ics-login')).toBe(true)
    expect(core.auth.session('ics-login')).toBeNull()
  })

  it('InsightCloudSec with both credentials: the API key wins', async () => {
    const user = pick(sandbox.credentials.insightcloudsec.users, 'ICS user')
    await environment('ics-both', 'insightcloudsec', { kind: 'insightcloudsec', username: user.username }, { apiKey: user.apiKey, password: user.password })
    const result = await send('ics-both', { url: '/v2/public/user/info' })
    expect(result.status).toBe(200)
    expect(echoed(result, 'api-key')).toBeDefined()
    expect(echoed(result, 'x-auth-token')).toBeUndefined()
    expect(core.auth.session('ics-both')).toBeNull()
  })

  it('InsightCloudSec with both credentials and "Send: Login": the session is sent, the key is not; the panel says so', async () => {
    const user = pick(sandbox.credentials.insightcloudsec.users, 'ICS user')
    await environment('ics-use-login', 'insightcloudsec', { kind: 'insightcloudsec', username: user.username, use: 'login' }, { apiKey: user.apiKey, password: user.password })
    const result = await send('ics-use-login', { url: '/v2/public/user/info' })
    expect(result.status).toBe(200)
    expect(echoed(result, 'x-auth-token')).toBeDefined()
    expect(echoed(result, 'api-key')).toBeUndefined()
    expect(core.auth.session('ics-use-login')).not.toBeNull()
    const status = await describeAuth(core.environments.get('ics-use-login'), core.vault, core.auth)
    expect(status).toMatchObject({ using: 'InsightCloudSec login session', unusedNote: 'Also stored but not sent: the InsightCloudSec API key.' })
    expect(status.headerPreview).toMatch(/^x-auth-token: /)
    // Without a password, "Login" sends nothing rather than falling back to the key the user chose not to send.
    await core.vault.delete(secretKey('ics-use-login', 'password'))
    await core.logout('ics-use-login')
    const none = await send('ics-use-login', { url: '/v2/public/user/info' })
    expect(none.status).toBe(401)
    expect(echoed(none, 'api-key')).toBeUndefined()
  })

  it('"Log in" logs in now: the session and whom it belongs to show before any send', async () => {
    const user = nth(sandbox.credentials.insightcloudsec.users, 1, 'second ICS user')
    await environment('ics-login-now', 'insightcloudsec', { kind: 'insightcloudsec', username: user.username }, { password: user.password })
    const before = await describeAuth(core.environments.get('ics-login-now'), core.vault, core.auth)
    expect(before).toMatchObject({ loginAvailable: true, loggedInUntil: null, loggedInAs: null })
    const until = await core.login('ics-login-now')
    expect(until).toBeGreaterThan(Date.now())
    const after = await describeAuth(core.environments.get('ics-login-now'), core.vault, core.auth)
    expect(after).toMatchObject({ loggedInUntil: until, loggedInAs: user.username })
    expect(after.headerPreview).toMatch(/^x-auth-token: ••••/)
    // An API key needs no login.
    await environment('ics-key-only', 'insightcloudsec', { kind: 'insightcloudsec', username: '' }, { apiKey: user.apiKey })
    expect(await core.login('ics-key-only')).toBeNull()
    expect((await describeAuth(core.environments.get('ics-key-only'), core.vault, core.auth)).loginAvailable).toBe(false)
  })

  it('Netskope with both tokens: the panel names both and where each goes', async () => {
    const saved = await environment('ns-both', 'netskope', { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, { v2Token: 'a'.repeat(32), v1Token: 'b'.repeat(32) })
    expect((await describeAuth(saved, core.vault, core.auth)).using).toBe('Netskope v2 token, and the Netskope v1 token for /api/v1')
    await core.vault.delete(secretKey('ns-both', 'v2Token'))
    expect((await describeAuth(saved, core.vault, core.auth)).using).toBe('Netskope v1 token only (/api/v1)')
  })

  it('InsightCloudSec wrong password: a clear error naming the user', async () => {
    await environment('ics-bad', 'insightcloudsec', { kind: 'insightcloudsec', username: 'sandbox-user' }, { password: 'wrong' })
    await expect(send('ics-bad', { url: '/v2/public/user/info' })).rejects.toThrow(/login as "sandbox-user" failed \(HTTP 401\)/)
  })

  it('Netskope v2 token in the Netskope-Api-Token header, or as Bearer', async () => {
    const token = pick(sandbox.credentials.netskope.v2Tokens, 'v2 token').token
    await environment('ns-header', 'netskope', { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, { v2Token: token })
    const viaHeader = await send('ns-header', { url: '/api/v2/services/cci/tags' })
    expect(viaHeader.status).toBe(200)
    expect(echoed(viaHeader, 'netskope-api-token')).toBeDefined()

    await environment('ns-bearer', 'netskope', { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'query' }, { v2Token: token })
    const viaBearer = await send('ns-bearer', { url: '/api/v2/services/cci/tags' })
    expect(viaBearer.status).toBe(200)
    expect(echoed(viaBearer, 'authorization')).toMatch(/^Bearer /)
    expect(echoed(viaBearer, 'authorization')).not.toContain(token)
  })

  it('Netskope v1 token as the token query parameter, redacted in the echoed URL', async () => {
    const v1 = sandbox.credentials.netskope.v1Token
    await environment('ns-v1', 'netskope', { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, { v1Token: v1 })
    const result = await send('ns-v1', { method: 'POST', url: '/api/v1/app_instances', query: [{ name: 'op', value: 'list', enabled: true }] })
    expect(result.status).toBe(200)
    expect(result.json).toMatchObject({ status: 'success' })
    expect(result.requestEcho.url).not.toContain(v1)
  })

  it('Cloud Exchange client credentials: token fetched once, then Bearer', async () => {
    const client = pick(sandbox.credentials.cloudExchange.clients, 'CE client')
    await environment('ce', 'cloud-exchange', { kind: 'cloud-exchange', clientId: client.clientId, secretExpiresOn: null }, { clientSecret: client.clientSecret })
    const first = await send('ce', { url: '/api/tenants' })
    expect(first.status).toBe(200)
    const token = core.auth.session('ce')?.token
    expect(token).toBeTruthy()
    const second = await send('ce', { url: '/api/cte/indicators/', query: [{ name: 'limit', value: '2', enabled: true }] })
    expect(second.status).toBe(200)
    expect(core.auth.session('ce')?.token).toBe(token)
  })

  it('Cloud Exchange wrong secret: the server message and a hint', async () => {
    await environment('ce-bad', 'cloud-exchange', { kind: 'cloud-exchange', clientId: 'sandbox-ce-client-full', secretExpiresOn: null }, { clientSecret: 'nope' })
    await expect(send('ce-bad', { url: '/api/tenants' })).rejects.toThrow(/HTTP 401.*Invalid client_id\/client_secret/)
  })

  it('{{secret.NAME}} placeholders are filled from the vault and masked in the echo, whatever the header', async () => {
    const token = pick(sandbox.credentials.netskope.v2Tokens, 'v2 token').token
    await environment('ns-placeholder', 'netskope', { kind: 'none' }, { v2Token: token })
    const result = await send('ns-placeholder', {
      url: '/api/v2/services/cci/tags',
      headers: [
        { name: 'Netskope-Api-Token', value: '{{secret.v2Token}}', enabled: true },
        { name: 'X-Debug-Copy', value: 'copy={{secret.v2Token}}', enabled: true }
      ]
    })
    expect(result.status).toBe(200)
    expect(JSON.stringify(result.requestEcho)).not.toContain(token)
    expect(echoed(result, 'x-debug-copy')).toMatch(/^copy=••••/)
    await expect(send('ns-placeholder', { url: '/x', headers: [{ name: 'A', value: '{{secret.apiKey}}', enabled: true }] })).rejects.toThrow(
      /Unknown variable: \{\{secret\.apiKey\}\}/
    )
  })

  it('a refused API key or a token without scope is recorded in plain words for the auth panel', async () => {
    await environment('ics-wrong-key', 'insightcloudsec', { kind: 'insightcloudsec', username: '' }, { apiKey: 'not-a-valid-key-000000000000000' })
    expect((await send('ics-wrong-key', { url: '/v2/public/user/info' })).status).toBe(401)
    expect(core.auth.lastError('ics-wrong-key')).toMatch(/401/)

    const scoped = sandbox.credentials.netskope.v2Tokens.find((token) => token.name === 'dataexport')
    await environment('ns-scoped', 'netskope', { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, { v2Token: scoped?.token ?? '' })
    expect((await send('ns-scoped', { url: '/api/v2/services/cci/tags' })).status).toBe(403)
    expect(core.auth.lastError('ns-scoped')).toMatch(/scope/)
    expect(core.auth.lastError('ns-scoped')).not.toContain(scoped?.token ?? '-')
  })
})
