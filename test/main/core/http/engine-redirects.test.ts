import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedirectServer } from '../../../support/redirect-server'
import type { RunningServer } from '../../../support/echo-server'
import { expectAppError, header, makeEngine, options, row, spec, type EngineFixture } from './helpers'

let a: RunningServer
let b: RunningServer
let fx: EngineFixture

beforeAll(async () => {
  ;[a, b] = await Promise.all([startRedirectServer(), startRedirectServer()])
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await Promise.all([a.close(), b.close()])
})

const CREDENTIALS = [
  row('Authorization', 'Bearer abcdefghijklmnop'),
  row('Api-Key', 'k1'),
  row('x-auth-token', 't1'),
  row('Netskope-Api-Token', 'n1'),
  row('Cookie', 'session=1'),
  row('Proxy-Authorization', 'Basic xyz'),
  row('X-Plain', 'kept')
]

function lastRequest(server: RunningServer) {
  const record = server.requests.at(-1)
  if (!record) throw new Error('no request recorded')
  return record
}

describe('engine: redirects', () => {
  it('keeps credential headers on a same-origin redirect', async () => {
    const result = await fx.engine.send(spec(`${a.url}/redirect?to=/echo`, { headers: CREDENTIALS }), options())
    expect(result.status).toBe(200)
    expect(result.redirects).toEqual([{ status: 302, url: `${a.url}/redirect?to=/echo`, droppedCredentials: false }])
    expect(result.url).toBe(`${a.url}/echo`)
    const received = lastRequest(a)
    expect(received.path).toBe('/echo')
    for (const name of ['Authorization', 'Api-Key', 'x-auth-token', 'Netskope-Api-Token', 'Cookie', 'Proxy-Authorization', 'X-Plain']) {
      expect(header(received.headers, name), name).toBeDefined()
    }
  })

  it('drops every credential header when a redirect changes origin', async () => {
    const target = `${b.url}/echo`
    const result = await fx.engine.send(spec(`${a.url}/redirect?to=${encodeURIComponent(target)}`, { headers: CREDENTIALS }), options())
    expect(result.status).toBe(200)
    expect(result.redirects[0]?.droppedCredentials).toBe(true)
    const received = lastRequest(b)
    expect(received.path).toBe('/echo')
    for (const name of ['Authorization', 'Api-Key', 'x-auth-token', 'Netskope-Api-Token', 'Cookie', 'Proxy-Authorization']) {
      expect(header(received.headers, name), name).toBeUndefined()
    }
    expect(header(received.headers, 'X-Plain')).toBe('kept')
    // The first hop still had them: they were only withheld from the other origin.
    expect(header(a.requests.at(-1)?.headers ?? [], 'Authorization')).toBe('Bearer abcdefghijklmnop')
  })

  it('treats another port on the same host as another origin', async () => {
    const result = await fx.engine.send(
      spec(`${a.url}/redirect?to=${encodeURIComponent(b.url.replace('127.0.0.1', 'localhost') + '/echo')}`, { headers: [row('Api-Key', 'k')] }),
      options()
    )
    expect(result.redirects[0]?.droppedCredentials).toBe(true)
    expect(header(lastRequest(b).headers, 'Api-Key')).toBeUndefined()
  })

  it.each([301, 302, 303])('%i turns POST into GET without a body', async (status) => {
    const result = await fx.engine.send(
      spec(`${a.url}/redirect?status=${status}&to=/echo`, { method: 'POST', body: { kind: 'json', text: '{"a":1}' } }),
      options()
    )
    expect(result.requestEcho.method).toBe('GET')
    const received = lastRequest(a)
    expect(received.method).toBe('GET')
    expect(received.body.length).toBe(0)
    expect(header(received.headers, 'content-type')).toBeUndefined()
  })

  it.each([307, 308])('%i keeps the method and body', async (status) => {
    await fx.engine.send(
      spec(`${a.url}/redirect?status=${status}&to=/echo`, { method: 'PUT', body: { kind: 'json', text: '{"a":1}' } }),
      options()
    )
    const received = lastRequest(a)
    expect(received.method).toBe('PUT')
    expect(received.body.toString()).toBe('{"a":1}')
    expect(header(received.headers, 'content-type')).toBe('application/json')
  })

  it('re-sends a streamed multipart body on 307', async () => {
    const file = join(fx.tempDir, '..', 'resend.bin')
    await writeFile(file, Buffer.alloc(100_000, 0x5a))
    const result = await fx.engine.send(
      spec(`${a.url}/redirect?status=307&to=/echo`, {
        method: 'POST',
        body: { kind: 'multipart', parts: [{ kind: 'file', name: 'f', path: file }] }
      }),
      options()
    )
    expect(result.status).toBe(200)
    const [first, second] = a.requests.slice(-2)
    expect(first?.body.length).toBeGreaterThan(100_000)
    expect(second?.body.equals(first?.body ?? Buffer.alloc(0))).toBe(true)
  })

  it('follows a chain within the limit and records each hop', async () => {
    const result = await fx.engine.send(spec(`${a.url}/chain?n=3`), options({ maxRedirects: 3 }))
    expect(result.status).toBe(200)
    expect(result.redirects.map((hop) => hop.url)).toEqual([
      `${a.url}/chain?n=3`,
      `${a.url}/chain?n=2&status=302`,
      `${a.url}/chain?n=1&status=302`
    ])
    expect(result.url).toBe(`${a.url}/echo`)
    await expectAppError(fx.engine.send(spec(`${a.url}/chain?n=4`), options({ maxRedirects: 3 })), 'TOO_MANY_REDIRECTS')
  })

  it('stops a loop with TOO_MANY_REDIRECTS naming the count and last URL', async () => {
    const error = await expectAppError(fx.engine.send(spec(`${a.url}/loop`), options({ maxRedirects: 4 })), 'TOO_MANY_REDIRECTS')
    expect(error.message).toContain('4 redirects')
    expect(error.message).toContain(`${a.url}/loop`)
    expect(await fx.tempFiles()).toEqual([])
  })

  it('returns the redirect itself when following is off (maxRedirects 0)', async () => {
    const result = await fx.engine.send(spec(`${a.url}/redirect?to=/echo`), options({ maxRedirects: 0 }))
    expect(result.status).toBe(302)
    expect(header(result.headers, 'location')).toBe('/echo')
    expect(result.preview.text).toBe('Redirecting to /echo')
  })

  it('returns a redirect status without Location as the response', async () => {
    const result = await fx.engine.send(spec(`${a.url}/no-location?status=301`), options())
    expect(result.status).toBe(301)
    expect(result.redirects).toEqual([])
  })

  it('refuses a redirect to a non-http scheme', async () => {
    await expectAppError(fx.engine.send(spec(`${a.url}/redirect?to=${encodeURIComponent('file:///etc/passwd')}`), options()), 'UNSUPPORTED_SCHEME')
  })

  it('masks credential query parameters in recorded hops and the echo', async () => {
    const result = await fx.engine.send(spec(`${a.url}/redirect?to=/echo%3Ftoken%3Dabcdefghijklmnop9999&token=abcdefghijklmnop1234`), options())
    expect(result.redirects[0]?.url).toBe(`${a.url}/redirect?to=/echo%3Ftoken%3Dabcdefghijklmnop9999&token=••••1234`)
    expect(result.requestEcho.url).toBe(`${a.url}/echo?token=••••9999`)
  })
})
