import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' }

function claims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>
}

describe('sandbox Cloud Exchange API', () => {
  let t: TestSandbox
  let full: { clientId: string; clientSecret: string }
  let readonly: { clientId: string; clientSecret: string }

  beforeAll(async () => {
    t = await startTestSandbox()
    const [a, b] = t.sandbox.credentials.cloudExchange.clients
    if (a === undefined || b === undefined) throw new Error('expected two CE clients')
    full = a
    readonly = b
  })
  afterAll(async () => {
    await t.stop()
  })

  const auth = (body: string, headers: Record<string, string> = {}) =>
    t.get('cloudExchange', '/api/auth', { method: 'POST', headers: { ...FORM, ...headers }, body })
  const tokenFor = async (client: { clientId: string; clientSecret: string }): Promise<string> => {
    const res = await auth(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}`)
    expect(res.status).toBe(200)
    return res.json<{ access_token: string }>().access_token
  }

  it('issues a JWT with exp (120 min) and scopes for client_credentials, password and Basic auth', async () => {
    const res = await auth(`grant_type=client_credentials&client_id=${full.clientId}&client_secret=${full.clientSecret}`)
    const body = res.json<{ access_token: string; token_type: string; scopes: string[] }>()
    expect(body.token_type).toBe('bearer')
    expect(body.scopes).toContain('cte_write')
    const payload = claims(body.access_token)
    expect(payload['exp']).toBe(Math.floor(t.nowMs() / 1000) + 120 * 60)
    expect(payload['scopes']).toEqual(body.scopes)
    const user = t.sandbox.credentials.cloudExchange.users[0]
    const password = await auth(`username=${user?.username ?? ''}&password=${user?.password ?? ''}`)
    expect(password.status).toBe(200)
    const basic = Buffer.from(`${full.clientId}:${full.clientSecret}`).toString('base64')
    expect((await auth('grant_type=client_credentials', { Authorization: `Basic ${basic}` })).status).toBe(200)
    const narrowed = await auth(`grant_type=client_credentials&client_id=${full.clientId}&client_secret=${full.clientSecret}&scope=cte_read`)
    expect(narrowed.json<{ scopes: string[] }>().scopes).toEqual(['cte_read'])
    const tooMuch = await auth(`grant_type=client_credentials&client_id=${readonly.clientId}&client_secret=${readonly.clientSecret}&scope=cte_write`)
    expect(tooMuch.status).toBe(403)
    expect(tooMuch.json()).toEqual({ detail: 'Unauthorized' })
    const badGrant = await auth('grant_type=implicit')
    expect(badGrant.status).toBe(422)
    expect(Array.isArray(badGrant.json<{ detail: unknown[] }>().detail)).toBe(true)
  })

  it('answers bad credentials with 401 and locks the client after 5 failures', async () => {
    const wrong = `grant_type=client_credentials&client_id=${readonly.clientId}&client_secret=wrong`
    for (let i = 1; i <= 4; i++) {
      const res = await auth(wrong)
      expect(res.status).toBe(401)
      expect(res.json()).toEqual({ detail: 'Invalid client_id/client_secret provided.' })
    }
    const fifth = await auth(wrong)
    expect(fifth.status).toBe(401)
    expect(fifth.json()).toEqual({ detail: 'This account has been locked due to multiple login failures. Please retry after 2 minute(s).' })
    const right = `grant_type=client_credentials&client_id=${readonly.clientId}&client_secret=${readonly.clientSecret}`
    const locked = await auth(right)
    expect(locked.status).toBe(401)
    expect(locked.json<{ detail: string }>().detail).toMatch(/locked/)
    t.advance(2 * 60_000 + 1000)
    expect((await auth(right)).status).toBe(200)
    const wrongUser = await auth('username=admin&password=nope')
    expect(wrongUser.json()).toEqual({ detail: 'Incorrect username or password.' })
  })

  it('protects routes with Bearer: 401 without or with a bad/expired token, 403 without the scope', async () => {
    const none = await t.get('cloudExchange', '/api/cte/indicators/')
    expect(none.status).toBe(401)
    expect(none.json()).toEqual({ detail: 'Not authenticated' })
    const bad = await t.get('cloudExchange', '/api/cte/indicators/', { headers: { Authorization: 'Bearer abc.def.ghi' } })
    expect(bad.json()).toEqual({ detail: 'Could not validate credentials.' })
    const reader = await tokenFor(readonly)
    const denied = await t.get('cloudExchange', '/api/cte/indicators/', { method: 'POST',
      headers: { Authorization: `Bearer ${reader}`, 'Content-Type': 'application/json' }, body: '[]' })
    expect(denied.status).toBe(403)
    expect(denied.json()).toEqual({ detail: 'Not enough permissions.' })
    const short = await tokenFor(full)
    t.advance(121 * 60_000)
    const expired = await t.get('cloudExchange', '/api/cte/indicators/', { headers: { Authorization: `Bearer ${short}` } })
    expect(expired.status).toBe(401)
  })

  it('lists indicators with skip, limit, filters and aggregate, and ingests new ones', async () => {
    const headers = { Authorization: `Bearer ${await tokenFor(full)}` }
    const first = await t.get('cloudExchange', '/api/cte/indicators/?limit=5', { headers })
    const items = first.json<{ value: string; type: string; sources: unknown[] }[]>()
    expect(items).toHaveLength(5)
    expect(items[0]).toHaveProperty('sources')
    const skipped = (await t.get('cloudExchange', '/api/cte/indicators/?limit=5&skip=5', { headers })).json<{ value: string }[]>()
    expect(skipped[0]?.value).not.toBe(items[0]?.value)
    const sorted = (await t.get('cloudExchange', '/api/cte/indicators/?limit=100&sort=internalHits&ascending=false', { headers }))
      .json<{ internalHits: number }[]>().map((i) => i.internalHits)
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a))
    expect(sorted[0]).toBeGreaterThan(sorted.at(-1) ?? 0)
    const filters = encodeURIComponent(JSON.stringify({ type: { $in: ['md5', 'sha256'] } }))
    const hashes = (await t.get('cloudExchange', `/api/cte/indicators/?limit=100&filters=${filters}`, { headers })).json<{ type: string }[]>()
    expect(hashes.length).toBeGreaterThan(0)
    expect(hashes.every((i) => i.type === 'md5' || i.type === 'sha256')).toBe(true)
    const count = await t.get('cloudExchange', `/api/cte/indicators/?aggregate=true&filters=${filters}`, { headers })
    expect(count.json()).toEqual({ count: hashes.length })
    expect((await t.get('cloudExchange', '/api/cte/indicators/?filters=%7Bnot-json', { headers })).json())
      .toEqual({ detail: 'Invalid JSON query provided.' })
    expect((await t.get('cloudExchange', '/api/cte/indicators/?limit=ten', { headers })).status).toBe(422)
    const post = (body: unknown) => t.get('cloudExchange', '/api/cte/indicators/', { method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    const created = await post([{ value: 'evil.example.com', type: 'domain', source: 'Sandbox API Source', reputation: 8, severity: 'high' }])
    expect(created.status).toBe(201)
    expect(created.json<{ value: string }[]>()[0]?.value).toBe('evil.example.com')
    const byValue = encodeURIComponent(JSON.stringify({ value: 'evil.example.com' }))
    expect((await t.get('cloudExchange', `/api/cte/indicators/?filters=${byValue}`, { headers })).json()).toHaveLength(1)
    const invalid = await post([{ value: 'not-an-md5', type: 'md5', source: 'Sandbox API Source' }])
    expect(invalid.status).toBe(422)
    expect(invalid.json()).toEqual({ detail: 'Invalid indicator value provided.' })
    const missing = await post([{ type: 'md5' }])
    expect(missing.status).toBe(422)
    expect(missing.json<{ detail: { loc: unknown[] }[] }>().detail[0]?.loc).toEqual(['body', 0, 'value'])
  })

  it('serves tenants, plugins and healthcheck, FastAPI 404/405 and the trailing-slash redirect', async () => {
    const headers = { Authorization: `Bearer ${await tokenFor(full)}` }
    const tenants = (await t.get('cloudExchange', '/api/tenants', { headers })).json<{ name: string; parameters: Record<string, string> }[]>()
    expect(tenants[0]?.name).toBe('Sandbox Tenant')
    expect(tenants[0]?.parameters['tenantName']).toBe(t.sandbox.urls.netskope)
    expect(tenants[0]?.parameters['v2token']).toBe('********')
    const names = (await t.get('cloudExchange', '/api/tenants', { headers: { Authorization: `Bearer ${await tokenFor(readonly)}` } })).json()
    expect(names).toEqual([{ name: 'Sandbox Tenant' }])
    expect((await t.get('cloudExchange', '/api/tenants')).status).toBe(401)
    expect((await t.get('cloudExchange', '/api/plugins', { headers })).json<unknown[]>().length).toBeGreaterThan(0)
    expect((await t.get('cloudExchange', '/api/healthcheck')).json()).toEqual({ sucess: true })
    const missing = await t.get('cloudExchange', '/api/nothing', { headers })
    expect(missing.status).toBe(404)
    expect(missing.json()).toEqual({ detail: 'Not Found' })
    const method = await t.get('cloudExchange', '/api/healthcheck', { method: 'DELETE' })
    expect(method.status).toBe(405)
    expect(method.json()).toEqual({ detail: 'Method Not Allowed' })
    const redirect = await t.get('cloudExchange', '/api/cte/indicators?limit=1', { headers })
    expect(redirect.status).toBe(307)
    expect(redirect.headers.location).toBe('/api/cte/indicators/?limit=1')
  })
})
