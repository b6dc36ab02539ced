import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import { secretKey } from '../../../../src/main/core/vault/vault'
import type { RunningServer } from '../../../support/echo-server'
import { startLoginServer } from './login-servers'
import { received, saveEnvironment, send, startCore } from './core-fixture'

// Login-derived tokens (CE bearer, ICS session) belong to the host that issued them and to the credentials that
// got them: a base-URL change or a new secret logs in again, logout and quit forget them, quit logs ICS out.
let first: RunningServer & { issued: string[] }
let second: RunningServer & { issued: string[] }
let core: AppCore

beforeEach(async () => {
  ;[first, second] = await Promise.all([startLoginServer(), startLoginServer()])
  core = await startCore()
})
afterEach(async () => {
  await core?.close()
  await Promise.all([first?.close(), second?.close()])
})

const everything = (server: RunningServer): string => server.requests.map(received).join('\n')
const logins = (server: RunningServer, path: string): number => server.requests.filter((request) => request.path === path).length

describe('token cache', () => {
  it('a base URL change logs in at the new host; the old token never goes there', async () => {
    await saveEnvironment(core, { id: 'ce', api: 'cloud-exchange', baseUrl: first.url, auth: { kind: 'cloud-exchange', clientId: 'client', secretExpiresOn: null } }, { clientSecret: 'client-secret-1234' })
    expect((await send(core, 'ce', { url: '/api/plugins' })).status).toBe(200)
    const oldToken = first.issued[0] ?? 'none'
    expect(everything(first)).toContain(`Bearer ${oldToken}`)

    await core.environments.save({ ...core.environments.get('ce'), baseUrl: second.url })
    expect((await send(core, 'ce', { url: '/api/plugins' })).status).toBe(200)
    expect(logins(second, '/api/auth')).toBe(1)
    expect(everything(second)).not.toContain(oldToken)
    expect(everything(second)).toContain(`Bearer ${second.issued[0] ?? 'none'}`)
  })

  it('a new secret logs in again', async () => {
    await saveEnvironment(core, { id: 'ce2', api: 'cloud-exchange', baseUrl: first.url, auth: { kind: 'cloud-exchange', clientId: 'client', secretExpiresOn: null } }, { clientSecret: 'client-secret-1234' })
    await send(core, 'ce2', { url: '/api/plugins' })
    await core.vault.set(secretKey('ce2', 'clientSecret'), 'client-secret-5678')
    await send(core, 'ce2', { url: '/api/plugins' })
    expect(logins(first, '/api/auth')).toBe(2)
    expect(first.requests[first.requests.length - 1]?.headers.some(([, value]) => value === `Bearer ${first.issued[1] ?? 'none'}`)).toBe(true)
  })

  it('logout forgets the token', async () => {
    await saveEnvironment(core, { id: 'ce3', api: 'cloud-exchange', baseUrl: first.url, auth: { kind: 'cloud-exchange', clientId: 'client', secretExpiresOn: null } }, { clientSecret: 'client-secret-1234' })
    await send(core, 'ce3', { url: '/api/plugins' })
    expect(core.auth.session('ce3')).not.toBeNull()
    expect(await core.logout('ce3')).toBe(true)
    expect(core.auth.session('ce3')).toBeNull()
    await send(core, 'ce3', { url: '/api/plugins' })
    expect(logins(first, '/api/auth')).toBe(2)
  })

  it('quit logs InsightCloudSec out at the base URL that issued the session, then forgets it', async () => {
    await saveEnvironment(core, { id: 'ics', api: 'insightcloudsec', baseUrl: first.url, auth: { kind: 'insightcloudsec', username: 'user' } }, { password: 'pass-word-1234' })
    await send(core, 'ics', { url: '/v2/public/user/info' })
    const session = first.issued[0] ?? 'none'
    // Same origin, another path: the session stays valid, and quit must still end it where it was issued.
    await core.environments.save({ ...core.environments.get('ics'), baseUrl: `${first.url}/moved` })
    await core.close()
    const logout = first.requests.find((request) => request.path === '/v2/public/user/logout')
    expect(logout?.headers.some(([name, value]) => name.toLowerCase() === 'x-auth-token' && value === session)).toBe(true)
    expect(core.auth.session('ics')).toBeNull()
  })

  it('moving an environment to another host ends its InsightCloudSec session at the old one', async () => {
    await saveEnvironment(core, { id: 'ics2', api: 'insightcloudsec', baseUrl: first.url, auth: { kind: 'insightcloudsec', username: 'user' } }, { password: 'pass-word-1234' })
    await send(core, 'ics2', { url: '/v2/public/user/info' })
    const session = first.issued[0] ?? 'none'
    await core.environments.save({ ...core.environments.get('ics2'), baseUrl: second.url })
    expect(core.auth.session('ics2')).toBeNull()
    for (let i = 0; i < 100 && logins(first, '/v2/public/user/logout') === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(logins(first, '/v2/public/user/logout')).toBe(1)
    await send(core, 'ics2', { url: '/v2/public/user/info' })
    expect(everything(second)).not.toContain(session)
    expect(logins(second, '/v2/public/user/login')).toBe(1)
  })
})
