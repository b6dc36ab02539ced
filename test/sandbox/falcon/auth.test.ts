import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { client, FORM, startFalcon, type Envelope, type FalconHarness } from './harness'

describe('sandbox Falcon OAuth2 and bearer checks', () => {
  let f: FalconHarness
  beforeAll(async () => {
    f = await startFalcon()
  })
  afterAll(async () => {
    await f.close()
  })

  const tokenCall = (body: string) => f.call('/oauth2/token', { method: 'POST', headers: FORM, body })

  it('issues a bearer token (201, expires_in 1799) and refuses a wrong secret with 403', async () => {
    const full = client('full')
    const ok = await tokenCall(`client_id=${full.clientId}&client_secret=${full.clientSecret}`)
    expect(ok.status).toBe(201)
    const body = ok.json<{ access_token: string; token_type: string; expires_in: number }>()
    expect(body.token_type).toBe('bearer')
    expect(body.expires_in).toBe(1799)
    expect(body.access_token.length).toBeGreaterThan(20)
    expect(ok.headers['x-cs-region']).toBe('us-1')
    const bad = await tokenCall(`client_id=${full.clientId}&client_secret=wrong`)
    expect(bad.status).toBe(403)
    const err = bad.json<Envelope>()
    expect(err.errors).toEqual([{ code: 403, message: 'Failed to issue access token - Not Authorized' }])
    expect(err.meta.trace_id).toBe(bad.headers['x-cs-traceid'])
    expect((await tokenCall('client_id=only')).status).toBe(400)
  })

  it('requires a valid bearer token: 401 in the gateway shape without one, with a bad one, after expiry', async () => {
    const none = await f.call('/devices/queries/devices/v1')
    expect(none.status).toBe(401)
    const body = none.json<Envelope>()
    expect(body.errors).toEqual([{ code: 401, message: 'access denied, invalid bearer token' }])
    expect(body.meta.powered_by).toBe('crowdstrike-api-gateway')
    expect(typeof body.meta.trace_id).toBe('string')
    expect((await f.authed('not-a-token', '/devices/queries/devices/v1')).status).toBe(401)
    const token = await f.tokenFor('full')
    expect((await f.authed(token, '/devices/queries/devices/v1')).status).toBe(200)
    f.advance(1799 * 1000)
    expect((await f.authed(token, '/devices/queries/devices/v1')).status).toBe(401)
  })

  it('answers 403 "authorization failed" outside the client scopes', async () => {
    const token = await f.tokenFor('hosts-read')
    expect((await f.authed(token, '/devices/queries/devices/v1')).status).toBe(200)
    const denied = await f.authed(token, '/alerts/queries/alerts/v2')
    expect(denied.status).toBe(403)
    expect(denied.json<Envelope>().errors).toEqual([{ code: 403, message: 'access denied, authorization failed' }])
  })

  it('revokes a token with HTTP Basic client credentials; the token then fails', async () => {
    const full = client('full')
    const token = await f.tokenFor('full')
    const basic = Buffer.from(`${full.clientId}:${full.clientSecret}`).toString('base64')
    const wrongBasic = Buffer.from(`${full.clientId}:nope`).toString('base64')
    const refused = await f.call('/oauth2/revoke', { method: 'POST', headers: { ...FORM, Authorization: `Basic ${wrongBasic}` }, body: `token=${token}` })
    expect(refused.status).toBe(401)
    expect((await f.authed(token, '/devices/queries/devices/v1')).status).toBe(200)
    const revoked = await f.call('/oauth2/revoke', { method: 'POST', headers: { ...FORM, Authorization: `Basic ${basic}` }, body: `token=${token}` })
    expect(revoked.status).toBe(200)
    expect((await f.authed(token, '/devices/queries/devices/v1')).status).toBe(401)
  })

  it('answers unknown paths 404 and wrong methods 405 in the envelope', async () => {
    expect((await f.call('/nothing/here/v1')).status).toBe(404)
    const wrong = await f.call('/oauth2/token')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.allow).toBe('POST')
  })
})

describe('sandbox Falcon rate-limit headers', () => {
  it('counts down X-RateLimit-Remaining per account and refuses the 16th anonymous call a minute with 429', async () => {
    const f = await startFalcon()
    try {
      const token = await f.tokenFor('full')
      const first = await f.authed(token, '/devices/queries/devices/v1')
      const second = await f.authed(token, '/devices/queries/devices/v1')
      expect(first.headers['x-ratelimit-limit']).toBe('6000')
      expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1)
      for (let i = 0; i < 15; i++) expect((await f.call('/devices/queries/devices/v1')).status).toBe(401)
      const limited = await f.call('/devices/queries/devices/v1')
      expect(limited.status).toBe(429)
      expect(limited.headers['x-ratelimit-remaining']).toBe('0')
      const retryAfter = Number(limited.headers['x-ratelimit-retryafter'])
      expect(retryAfter).toBeGreaterThan(f.runtime.now() / 1000)
      expect(retryAfter).toBeLessThanOrEqual(f.runtime.now() / 1000 + 60)
      f.advance(60_000)
      expect((await f.call('/devices/queries/devices/v1')).status).toBe(401)
    } finally {
      await f.close()
    }
  })

  it('with runtime.rateLimit false keeps Remaining at the limit and never refuses', async () => {
    const f = await startFalcon({ rateLimit: false })
    try {
      const token = await f.tokenFor('full')
      const a = await f.authed(token, '/devices/queries/devices/v1')
      const b = await f.authed(token, '/devices/queries/devices/v1')
      expect(a.headers['x-ratelimit-remaining']).toBe('6000')
      expect(b.headers['x-ratelimit-remaining']).toBe('6000')
      for (let i = 0; i < 20; i++) expect((await f.call('/devices/queries/devices/v1')).status).toBe(401)
    } finally {
      await f.close()
    }
  })
})
