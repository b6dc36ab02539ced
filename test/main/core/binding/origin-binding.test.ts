import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import { startEchoServer, type RunningServer } from '../../../support/echo-server'
import { received, saveEnvironment, send, startCore } from './core-fixture'

// Credentials and {{secret.*}} values belong to the environment's origin (plus the origins the user allowed):
// two real servers on two ports, the second playing a host the page chose.
const TOKEN = 'v2-token-Origin-Bound-123456'
let home: RunningServer
let other: RunningServer
let core: AppCore

beforeAll(async () => {
  ;[home, other] = await Promise.all([startEchoServer(), startEchoServer()])
  core = await startCore()
  await saveEnvironment(core, { id: 'tenant', api: 'netskope', baseUrl: home.url, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' } }, { v2Token: TOKEN })
})
afterAll(async () => {
  await core?.close()
  await Promise.all([home?.close(), other?.close()])
})

const last = (server: RunningServer): string => received(server.requests[server.requests.length - 1] ?? { method: '', path: '', rawQuery: '', headers: [], body: Buffer.alloc(0) })

describe('credentials and secrets are bound to the environment origin', () => {
  it('the home origin gets the credential', async () => {
    const result = await send(core, 'tenant', { url: '/api/v2/events' })
    expect(result.status).toBe(200)
    expect(last(home)).toContain(TOKEN)
  })

  it('an absolute URL to another origin gets no credential, and the result says so', async () => {
    const before = other.requests.length
    const result = await send(core, 'tenant', { url: `${other.url}/api/v2/events` })
    expect(result.status).toBe(200)
    expect(other.requests.length).toBe(before + 1)
    expect(last(other)).not.toContain(TOKEN)
    expect(result.warnings.join('\n')).toContain(`credential withheld: ${other.url} is not this environment's origin`)
  })

  it('a {{secret.*}} reference to another origin is refused before anything is sent', async () => {
    const before = other.requests.length
    const sending = send(core, 'tenant', { url: `${other.url}/steal`, headers: [{ name: 'X-Steal', value: '{{secret.v2Token}}', enabled: true }] })
    await expect(sending).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(sending).rejects.toThrow(other.url)
    await expect(sending).rejects.not.toThrow(TOKEN)
    expect(other.requests.length).toBe(before)
  })

  it('a {{secret.*}} in the URL cannot smuggle the value out either', async () => {
    const before = other.requests.length
    await expect(send(core, 'tenant', { url: `${other.url}/x?t={{secret.v2Token}}` })).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(other.requests.length).toBe(before)
  })

  it('an origin the user allowed gets both', async () => {
    const environment = core.environments.get('tenant')
    await core.environments.save({ ...environment, allowedOrigins: [`${other.url}/`] })
    const result = await send(core, 'tenant', { url: `${other.url}/api/v2/events`, headers: [{ name: 'X-Copy', value: '{{secret.v2Token}}', enabled: true }] })
    expect(result.status).toBe(200)
    expect(last(other).split(TOKEN).length).toBe(3) // the credential header and the copy
    expect(result.warnings.join('\n')).not.toContain('credential withheld')
  })

  it('allowed origins are validated and normalised', async () => {
    const environment = core.environments.get('tenant')
    const saved = await core.environments.save({ ...environment, allowedOrigins: ['HTTPS://Example.COM:443', 'http://127.0.0.1:8080/'] })
    expect(saved.allowedOrigins).toEqual(['https://example.com', 'http://127.0.0.1:8080'])
    for (const bad of ['ftp://example.com', 'https://example.com/path', 'https://user:pw@example.com', 'example.com', 'https://*.example.com']) {
      await expect(core.environments.save({ ...environment, allowedOrigins: [bad] })).rejects.toThrow()
    }
  })
})
