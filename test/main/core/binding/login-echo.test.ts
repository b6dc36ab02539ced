import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import { containsSecretValue } from '../../../../src/shared/redaction/secret-values'
import type { SendResult } from '../../../../src/shared/model/response'
import { startLoginServer } from './login-servers'
import { saveEnvironment, send, startCore } from './core-fixture'

// Login servers that echo the credential they got, and the tokens they hand out: neither may reach the renderer,
// whether main logged in or the page sent the login request itself.
const CLIENT_SECRET = 'ce-client-secret-XYZ123'
const PASSWORD = 'ics pass/word+123'
let server: Awaited<ReturnType<typeof startLoginServer>>
let core: AppCore

beforeAll(async () => {
  server = await startLoginServer()
  core = await startCore()
  await saveEnvironment(core, { id: 'ce', api: 'cloud-exchange', baseUrl: server.url, auth: { kind: 'cloud-exchange', clientId: 'client', secretExpiresOn: null } }, { clientSecret: CLIENT_SECRET })
  await saveEnvironment(core, { id: 'ics', api: 'insightcloudsec', baseUrl: server.url, auth: { kind: 'insightcloudsec', username: 'user' } }, { password: PASSWORD })
})
afterAll(async () => {
  await core?.close()
  await server?.close()
})

async function everythingVisible(result: SendResult): Promise<string> {
  const { responseId, ...rest } = result
  const body = await core.engine.readBody(responseId, 0, 1 << 20)
  return JSON.stringify(rest) + body.text
}

describe('login echoes are masked', () => {
  it('the bearer token main got is masked where a server echoes it', async () => {
    const result = await send(core, 'ce', { url: '/api/plugins' })
    const token = server.issued[server.issued.length - 1] ?? 'none'
    expect(result.status).toBe(200)
    expect(containsSecretValue(await everythingVisible(result), [token, CLIENT_SECRET])).toBe(false)
  })

  it('a Cloud Exchange login the page sends itself: neither the client secret nor the access token comes back', async () => {
    const result = await send(core, 'ce', {
      method: 'POST',
      url: '/api/auth',
      body: { kind: 'form', fields: [
        { name: 'grant_type', value: 'client_credentials', enabled: true },
        { name: 'client_id', value: 'client', enabled: true },
        { name: 'client_secret', value: '{{secret.clientSecret}}', enabled: true }
      ] }
    })
    const token = server.issued[server.issued.length - 1] ?? 'none'
    expect(result.preview.text).toContain('access_token')
    expect(containsSecretValue(await everythingVisible(result), [token, CLIENT_SECRET])).toBe(false)
  })

  it('an InsightCloudSec login the page sends itself: neither the password nor the session comes back', async () => {
    const result = await send(core, 'ics', {
      method: 'POST',
      url: '/v2/public/user/login',
      body: { kind: 'json', text: '{"username":"user","password":"{{secret.password}}"}' }
    })
    const session = server.issued[server.issued.length - 1] ?? 'none'
    expect(result.preview.text).toContain('session_id')
    expect(containsSecretValue(await everythingVisible(result), [session, PASSWORD])).toBe(false)
  })
})
