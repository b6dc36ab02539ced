import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ErrorCode } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { startRedirectServer } from '../../../support/redirect-server'
import type { RunningServer } from '../../../support/echo-server'
import { expectAppError, makeEngine, options, row, spec, type EngineFixture } from './helpers'

// The engine's errors quote the URL, host, port, header name or Location they are about, and
// any of those may hold a {{secret.*}} value. Each error is made real here; none may carry any form of the secret.
let a: RunningServer
let fx: EngineFixture

/** Lowercase letters and digits: valid as a host label, a port text, a header name and a query value alike. */
const SECRET = 'sekr3t0value9876xyz'
/** Percent-encoded differently by URLSearchParams (query rows) and encodeURIComponent. */
const SPECIAL = "p@ss w~rd!(x)'0123456789"

beforeAll(async () => {
  a = await startRedirectServer()
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await a.close()
})

async function expectMasked(request: RequestSpec, code: ErrorCode, values = [SECRET], maxRedirects = 10): Promise<void> {
  const error = await expectAppError(fx.engine.send(request, options({ secretValues: values, maxRedirects })), code)
  const text = `${error.message} ${error.hint ?? ''}`
  expect(containsSecretValue(text, values), text).toBe(false)
  expect(text).toContain('••••')
}

describe('engine errors carry no secret value', () => {
  it('invalid port', async () => {
    await expectMasked(spec(`http://127.0.0.1:${SECRET}/x`), 'INVALID_URL')
  })

  it('missing scheme', async () => {
    await expectMasked(spec(`${SECRET}.example/path`), 'INVALID_URL')
  })

  it('bad header name', async () => {
    await expectMasked(spec(`${a.url}/echo`, { headers: [row(`X-${SECRET} bad`, 'v')] }), 'INVALID_HEADER')
  })

  it('bad header value', async () => {
    await expectMasked(spec(`${a.url}/echo`, { headers: [row(`X-${SECRET}`, 'line\r\nbreak')] }), 'INVALID_HEADER')
  })

  it('DNS failure', async () => {
    await expectMasked(spec(`http://${SECRET}.invalid/`), 'DNS_FAILURE')
  })

  it('redirect limit', async () => {
    const again = encodeURIComponent(`/redirect?to=/echo&k=${SECRET}`)
    await expectMasked(spec(`${a.url}/redirect?to=${again}`), 'TOO_MANY_REDIRECTS', [SECRET], 1)
  })

  it('redirect limit, the secret in a Location as the URL parser escapes it', async () => {
    const request = spec(`${a.url}/redirect`, { query: [row('to', `/redirect?to=/echo&k=${SPECIAL}`)] })
    await expectMasked(request, 'TOO_MANY_REDIRECTS', [SPECIAL], 1)
  })

  it('bad Location', async () => {
    await expectMasked(spec(`${a.url}/redirect?to=${encodeURIComponent(`http://[${SECRET}`)}`), 'NETWORK_ERROR')
  })

  it('bad Location, a percent-encoded secret in a query row', async () => {
    await expectMasked(spec(`${a.url}/redirect?to=http://[x`, { query: [row('k', SPECIAL)] }), 'NETWORK_ERROR', [SPECIAL])
  })

  it('connection refused names the host and port only, and stays so', async () => {
    const error = await expectAppError(fx.engine.send(spec('http://127.0.0.1:1/'), options({ secretValues: [SECRET] })), 'CONNECTION_REFUSED')
    expect(error.message).toContain('127.0.0.1:1')
  })
})
