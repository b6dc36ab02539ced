import { createServer } from 'node:http'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { startRedirectServer } from '../../../support/redirect-server'
import { listen, type RunningServer } from '../../../support/echo-server'
import { loginClientCredentials, loginSession } from '../../../../src/main/core/auth/session-login'
import { flowOf } from '../../../support/vendor-flows'
import { createAppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { expectAppError, header, makeEngine, options, row, spec, type EngineFixture } from './helpers'

// A 307/308 to another origin re-sends the body, so a body that carries a secret (CE's
// client_secret, ICS's password, a v1 token in a form, a {{secret.*}} anywhere) would reach that other server.
let a: RunningServer
let b: RunningServer
/** Answers every request with a 307 to b's /echo: stands in for a CE or ICS server whose login redirects away. */
let away: RunningServer
let fx: EngineFixture

const SECRET = 'sec~ret!value (quoted) 0123456789'

beforeAll(async () => {
  ;[a, b] = await Promise.all([startRedirectServer(), startRedirectServer()])
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(307, { Location: `${b.url}/echo`, 'Content-Length': 0 })
      res.end()
    })
  })
  away = await listen(server, 'http', [])
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await Promise.all([a.close(), b.close(), away.close()])
})

const toB = (status: number): string => `${a.url}/redirect?status=${status}&to=${encodeURIComponent(`${b.url}/echo`)}`
const withSecret = (): ReturnType<typeof options> => options({ secretValues: [SECRET] })

function environment(baseUrl: string): Environment {
  return { id: 'e', name: 'e', api: 'generic', baseUrl, variables: [], tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false }
}

describe('engine: redirects of secrets to another origin', () => {
  it.each([307, 308])('%i of a JSON body carrying a secret: refused, the other origin receives nothing', async (status) => {
    const before = b.requests.length
    const body = { kind: 'json' as const, text: JSON.stringify({ password: SECRET }) }
    const error = await expectAppError(fx.engine.send(spec(toB(status), { method: 'POST', body }), withSecret()), 'REDIRECT_REFUSED')
    expect(b.requests.length).toBe(before)
    expect(error.message).toContain(new URL(a.url).origin)
    expect(error.message).toContain(new URL(b.url).origin)
    expect(error.hint).toBeTruthy()
    expect(containsSecretValue(`${error.message} ${error.hint}`, [SECRET])).toBe(false)
  })

  it.each([307, 308])('%i of a form body carrying a secret (form-encoded): refused', async (status) => {
    const before = b.requests.length
    const body = { kind: 'form' as const, fields: [row('grant_type', 'x'), row('token', SECRET)] }
    await expectAppError(fx.engine.send(spec(toB(status), { method: 'POST', body }), withSecret()), 'REDIRECT_REFUSED')
    expect(b.requests.length).toBe(before)
  })

  it('a body without a secret still follows a 307 to another origin', async () => {
    const result = await fx.engine.send(spec(toB(307), { method: 'POST', body: { kind: 'json', text: '{"a":1}' } }), withSecret())
    expect(result.status).toBe(200)
    expect(b.requests.at(-1)?.body.toString()).toBe('{"a":1}')
  })

  it('a secret body on a same-origin 307 is re-sent unchanged', async () => {
    const text = JSON.stringify({ password: SECRET })
    const result = await fx.engine.send(spec(`${a.url}/redirect?status=307&to=/echo`, { method: 'POST', body: { kind: 'json', text } }), withSecret())
    expect(result.status).toBe(200)
    expect(a.requests.at(-1)?.body.toString()).toBe(text)
  })

  it('drops a header whose value carries a secret, whatever its name, across origins only', async () => {
    const headers = [row('X-Trace', `id ${SECRET}`), row('X-Encoded', encodeURIComponent(SECRET)), row('X-Plain', 'kept')]
    const result = await fx.engine.send(spec(toB(302), { headers }), withSecret())
    expect(result.redirects[0]?.droppedCredentials).toBe(true)
    const received = b.requests.at(-1)?.headers ?? []
    expect(header(received, 'X-Trace')).toBeUndefined()
    expect(header(received, 'X-Encoded')).toBeUndefined()
    expect(header(received, 'X-Plain')).toBe('kept')

    await fx.engine.send(spec(`${a.url}/redirect?to=/echo`, { headers }), withSecret())
    expect(header(a.requests.at(-1)?.headers ?? [], 'X-Trace')).toBe(`id ${SECRET}`)
  })

  it('Cloud Exchange login: client_secret is not re-sent to another origin', async () => {
    const before = b.requests.length
    const login = loginClientCredentials(fx.engine, environment(away.url), { ...flowOf('cloud-exchange', 'client-credentials'), vendor: 'Cloud Exchange', clientId: 'client-1', clientSecret: SECRET }, options())
    await expectAppError(login, 'REDIRECT_REFUSED')
    expect(b.requests.length).toBe(before)
  })

  it('InsightCloudSec login: the password is not re-sent to another origin', async () => {
    const before = b.requests.length
    const login = loginSession(fx.engine, environment(away.url), { flow: flowOf('insightcloudsec', 'session-login'), vendor: 'InsightCloudSec', username: 'alice', password: SECRET }, options())
    await expectAppError(login, 'REDIRECT_REFUSED')
    expect(b.requests.length).toBe(before)
  })
})

describe('runner: the secret values it collects reach the redirect check', () => {
  it('a v1 token in form placement and a {{secret.*}} header do not follow a redirect to another origin', async () => {
    const root = await mkdtemp(join(tmpdir(), 'redirect-secrets-'))
    const core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'tmp'), startSandbox: false, cipher: createSessionCipher(null) })
    try {
      await core.environments.save({ ...environment(away.url), id: 'ns', auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'form' } })
      await core.environments.save({ ...environment(a.url), id: 'plain' })
      await core.vault.set(secretKey('ns', 'v1Token'), SECRET)
      await core.vault.set(secretKey('plain', 'trace'), SECRET)
      const before = b.requests.length
      const refused = core.requests.send('r1', spec('/api/v1/alerts', { method: 'POST' }), 'ns', () => undefined)
      await expectAppError(refused, 'REDIRECT_REFUSED')
      expect(b.requests.length).toBe(before)

      const headers = [row('X-Trace', '{{secret.trace}}')]
      const to = encodeURIComponent(`${b.url}/echo`)
      const result = await core.requests.send('r2', spec(`/redirect?to=${to}`, { headers }), 'plain', () => undefined)
      expect(result.status).toBe(200)
      expect(header(b.requests.at(-1)?.headers ?? [], 'X-Trace')).toBeUndefined()
    } finally {
      await core.close()
      await rm(root, { recursive: true, force: true })
    }
  })
})
