import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, tokenOf, type TestSandbox } from '../helpers'

const ITER = '/api/v2/events/dataexport/events/page?index=auth&operation=head'

describe('sandbox Netskope auth, scopes and rate limit', () => {
  let t: TestSandbox
  beforeAll(async () => {
    t = await startTestSandbox()
  })
  afterAll(async () => {
    await t.stop()
  })

  it('rejects a missing, unknown or expired v2 token with 401', async () => {
    const missing = await t.get('netskope', '/api/v2/policy/urllist')
    expect(missing.status).toBe(401)
    expect(missing.json()).toEqual({ message: 'Unauthorized' })
    const unknown = await t.get('netskope', '/api/v2/policy/urllist', { headers: { 'Netskope-Api-Token': 'nope' } })
    expect(unknown.status).toBe(401)
    const expired = await t.get('netskope', '/api/v2/policy/urllist', {
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'expired') }
    })
    expect(expired.status).toBe(401)
  })

  it('accepts the token as Netskope-Api-Token (any case) or Authorization: Bearer', async () => {
    const full = tokenOf(t.sandbox, 'full')
    const header = await t.get('netskope', '/api/v2/policy/urllist', { headers: { 'netskope-api-token': full } })
    expect(header.status).toBe(200)
    const bearer = await t.get('netskope', '/api/v2/policy/urllist', { headers: { Authorization: `Bearer ${full}` } })
    expect(bearer.status).toBe(200)
    expect(Array.isArray(bearer.json())).toBe(true)
  })

  it('answers 403 "You cannot consume this service" without the endpoint scope or write privilege', async () => {
    const dataexport = await t.get('netskope', '/api/v2/policy/urllist', {
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'dataexport') }
    })
    expect(dataexport.status).toBe(403)
    expect(dataexport.json()).toEqual({ message: 'You cannot consume this service' })
    const readonly = tokenOf(t.sandbox, 'readonly')
    const read = await t.get('netskope', '/api/v2/policy/urllist', { headers: { 'Netskope-Api-Token': readonly } })
    expect(read.status).toBe(200)
    const write = await t.get('netskope', '/api/v2/policy/urllist/deploy', {
      method: 'POST', headers: { 'Netskope-Api-Token': readonly }
    })
    expect(write.status).toBe(403)
    expect(write.json()).toEqual({ message: 'You cannot consume this service' })
    const allowed = await t.get('netskope', ITER.replace('auth', 'scoped'), {
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'dataexport') }
    })
    expect(allowed.status).toBe(200)
  })

  it('limits 4 requests per second per (token, endpoint) with RateLimit headers and a 429 + Retry-After', async () => {
    // The clock is frozen, so all five requests fall in the same one-second window.
    const headers = { 'Netskope-Api-Token': tokenOf(t.sandbox, 'full') }
    const remaining: string[] = []
    for (let i = 0; i < 4; i++) {
      const res = await t.get('netskope', '/api/v2/services/cci/app?limit=1', { headers })
      expect(res.status).toBe(200)
      expect(res.headers['ratelimit-limit']).toBe('4')
      expect(res.headers['ratelimit-reset']).toBe('1')
      remaining.push(String(res.headers['ratelimit-remaining']))
    }
    expect(remaining).toEqual(['3', '2', '1', '0'])
    const limited = await t.get('netskope', '/api/v2/services/cci/app?limit=1', { headers })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('1')
    expect(limited.headers['ratelimit-remaining']).toBe('0')
    expect(limited.json()).toEqual({ message: 'API rate limit exceeded' })
    // Another endpoint has its own bucket; another token too.
    const other = await t.get('netskope', '/api/v2/services/cci/domain?app=Box', { headers })
    expect(other.status).toBe(200)
    const otherToken = await t.get('netskope', '/api/v2/services/cci/app?limit=1', {
      headers: { 'Netskope-Api-Token': tokenOf(t.sandbox, 'readonly') }
    })
    expect(otherToken.status).toBe(200)
    t.advance(1000)
    const nextWindow = await t.get('netskope', '/api/v2/services/cci/app?limit=1', { headers })
    expect(nextWindow.status).toBe(200)
    expect(nextWindow.headers['ratelimit-remaining']).toBe('3')
  })

  it('takes the v1 token from the query string or the form body and rejects a bad one', async () => {
    const v1 = t.sandbox.credentials.netskope.v1Token
    const query = await t.get('netskope', `/api/v1/app_instances?op=list&limit=1&token=${v1}`)
    expect(query.status).toBe(200)
    expect(query.json<{ status: string; data: unknown[] }>()).toMatchObject({ status: 'success' })
    expect(query.json<{ data: unknown[] }>().data).toHaveLength(1)
    const form = await t.get('netskope', '/api/v1/app_instances?op=list&limit=1', {
      method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `token=${v1}`
    })
    expect(form.status).toBe(200)
    const bad = await t.get('netskope', '/api/v1/app_instances?op=list&token=wrong')
    expect(bad.status).toBe(403)
    expect(bad.json()).toEqual({ status: 'error', errorCode: 'Authorization Error', errors: ['Invalid token'] })
    const v2OnV1 = await t.get('netskope', `/api/v1/app_instances?op=list&token=${tokenOf(t.sandbox, 'full')}`)
    expect(v2OnV1.status).toBe(403)
    const v1OnV2 = await t.get('netskope', '/api/v2/policy/urllist', { headers: { 'Netskope-Api-Token': v1 } })
    expect(v1OnV2.status).toBe(401)
  })

  it('answers an unknown route with 404 before checking auth', async () => {
    const res = await t.get('netskope', '/api/v2/nothing/here')
    expect(res.status).toBe(404)
    expect(res.json()).toEqual({ message: 'no Route matched with those values' })
  })
})
