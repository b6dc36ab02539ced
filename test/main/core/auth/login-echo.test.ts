import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { listen, type RunningServer } from '../../../support/echo-server'
import { loginClientCredentials, loginSession } from '../../../../src/main/core/auth/session-login'
import { flowOf } from '../../../support/vendor-flows'
import { expectAppError, makeEngine, options, type EngineFixture } from '../http/helpers'

// A login server that repeats the request in its error answer would put the client secret or
// password into the login error, which the auth panel and the send's error show.
let server: RunningServer
let fx: EngineFixture

const SECRET = "cl1ent-secret w~th!(chars)'0123456789"

beforeAll(async () => {
  // /json/...: 401 {"detail": "<request body>"}; /text/...: 401 with the request body as plain text.
  const echoing = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const json = (req.url ?? '').startsWith('/json')
      res.writeHead(401, { 'Content-Type': json ? 'application/json' : 'text/plain' })
      res.end(json ? JSON.stringify({ detail: `rejected: ${body}` }) : `rejected: ${body}`)
    })
  })
  server = await listen(echoing, 'http', [])
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await server.close()
})

function environment(path: string): Environment {
  return { id: 'e', name: 'e', api: 'generic', baseUrl: `${server.url}${path}`, variables: [], tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false }
}

describe.each(['/json', '/text'])('a login server echoing the request (%s)', (path) => {
  it('Cloud Exchange: the client secret is masked in the login error', async () => {
    const error = await expectAppError(loginClientCredentials(fx.engine, environment(path), { ...flowOf('cloud-exchange', 'client-credentials'), vendor: 'Cloud Exchange', clientId: 'client-1', clientSecret: SECRET }, options()), 'INVALID_INPUT')
    expect(error.message).toContain('rejected')
    expect(containsSecretValue(`${error.message} ${error.hint ?? ''}`, [SECRET]), error.message).toBe(false)
  })

  it('InsightCloudSec: the password is masked in the login error', async () => {
    const error = await expectAppError(loginSession(fx.engine, environment(path), { flow: flowOf('insightcloudsec', 'session-login'), vendor: 'InsightCloudSec', username: 'alice', password: SECRET }, options()), 'INVALID_INPUT')
    expect(error.message).toContain('rejected')
    expect(containsSecretValue(`${error.message} ${error.hint ?? ''}`, [SECRET]), error.message).toBe(false)
  })
})

it('an echo cut at 300 characters does not keep the first half of the secret', async () => {
  // The form-encoded secret starts 10 characters before the cut.
  const before = 'rejected: grant_type=client_credentials&client_id='.length + '&client_secret='.length
  const clientId = 'c'.repeat(290 - before)
  const error = await expectAppError(loginClientCredentials(fx.engine, environment('/text'), { ...flowOf('cloud-exchange', 'client-credentials'), vendor: 'Cloud Exchange', clientId: clientId, clientSecret: SECRET }, options()), 'INVALID_INPUT')
  expect(error.message).not.toContain(SECRET.slice(0, 8))
})
