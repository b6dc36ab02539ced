import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, type TestSandbox } from '../helpers'

const JSON_HEADERS = { 'Content-Type': 'application/json;charset=UTF-8', Accept: 'application/json' }

describe('sandbox InsightCloudSec API', () => {
  let t: TestSandbox
  let admin: { username: string; password: string; apiKey: string; userId: number }
  let basic: { username: string; password: string; apiKey: string; userId: number }

  beforeAll(async () => {
    t = await startTestSandbox()
    const [a, b] = t.sandbox.credentials.insightcloudsec.users
    if (a === undefined || b === undefined) throw new Error('expected two ICS users')
    admin = a
    basic = b
  })
  afterAll(async () => {
    await t.stop()
  })

  const login = async (user: { username: string; password: string }): Promise<string> => {
    const res = await t.get('insightcloudsec', '/v2/public/user/login', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ username: user.username, password: user.password }) })
    expect(res.status).toBe(200)
    return res.json<{ session_id: string }>().session_id
  }

  it('logs in, then lists organizations with x-auth-token (GET with a JSON body, like the vendor scripts)', async () => {
    const session = await login(admin)
    expect(session).toMatch(/^[0-9a-f]{32}$/)
    const orgs = await t.get('insightcloudsec', '/v2/prototype/domain/organizations/detail/get', {
      headers: { ...JSON_HEADERS, 'x-auth-token': session }, body: '{}' })
    expect(orgs.status).toBe(200)
    const body = orgs.json<{ organizations: { name: string; clouds: number; resource_id: string }[] }>()
    expect(body.organizations[0]).toMatchObject({ name: 'Default Organization', resource_id: 'divvyorganization:1' })
    expect(body.organizations[0]?.clouds).toBeGreaterThan(0)
    const bad = await t.get('insightcloudsec', '/v2/public/user/login', { method: 'POST', headers: JSON_HEADERS,
      body: JSON.stringify({ username: admin.username, password: 'wrong' }) })
    expect(bad.status).toBe(401)
    expect(bad.json()).toMatchObject({ error_type: 'AuthenticationFailed', traceback: null })
    expect((await t.get('insightcloudsec', '/v2/public/clouds/list')).status).toBe(401)
  })

  it('expires idle sessions, keeps used ones alive, and ends them on logout', async () => {
    const session = await login(basic)
    const headers = { 'X-Auth-Token': session }
    const info = (await t.get('insightcloudsec', '/v2/public/user/info', { headers })).json<Record<string, unknown>>()
    expect(info).toMatchObject({ username: basic.username, session_timeout_seconds: 3600 })
    expect(String(info['session_expiration'])).toMatch(/^\d{4}\/\d{2}\/\d{2}, \d{2}:\d{2}:\d{2} UTC$/)
    t.advance(50 * 60_000)
    expect((await t.get('insightcloudsec', '/v2/public/user/info', { headers })).status).toBe(200)
    t.advance(50 * 60_000)
    expect((await t.get('insightcloudsec', '/v2/public/user/info', { headers })).status).toBe(200)
    t.advance(61 * 60_000)
    const expired = await t.get('insightcloudsec', '/v2/public/user/info', { headers })
    expect(expired.status).toBe(401)
    const fresh = { 'X-Auth-Token': await login(basic) }
    const out = await t.get('insightcloudsec', '/v2/public/user/logout', { method: 'POST', headers: fresh })
    expect(out.status).toBe(200)
    expect(out.raw.length).toBe(0)
    expect((await t.get('insightcloudsec', '/v2/public/user/info', { headers: fresh })).status).toBe(401)
  })

  it('accepts Api-Key and prefers it when both headers are sent', async () => {
    const session = await login(admin)
    const byKey = await t.get('insightcloudsec', '/v2/public/user/info', { headers: { 'Api-Key': basic.apiKey } })
    expect(byKey.json()).toMatchObject({ username: basic.username, session_expiration: null })
    const both = await t.get('insightcloudsec', '/v2/public/user/info', { headers: { 'Api-Key': basic.apiKey, 'X-Auth-Token': session } })
    expect(both.json()).toMatchObject({ username: basic.username })
    const badKeyGoodSession = await t.get('insightcloudsec', '/v2/public/user/info', { headers: { 'Api-Key': 'bogus', 'X-Auth-Token': session } })
    expect(badKeyGoodSession.status).toBe(401)
    const forbidden = await t.get('insightcloudsec', '/v2/public/users/list', { headers: { 'Api-Key': basic.apiKey } })
    expect(forbidden.status).toBe(403)
    const users = await t.get('insightcloudsec', '/v2/public/users/list', { headers: { 'Api-Key': admin.apiKey } })
    expect(users.json<{ total_count: number }>().total_count).toBe(2)
  })

  it('apikey/create returns a bare JSON string and the old key stops working', async () => {
    const headers = { 'Api-Key': basic.apiKey, 'Content-Type': 'application/json' }
    const res = await t.get('insightcloudsec', '/v2/public/apikey/create', { method: 'POST', headers,
      body: JSON.stringify({ user_id: String(basic.userId), key_length: 44 }) })
    expect(res.status).toBe(200)
    expect(res.text().startsWith('"')).toBe(true)
    const key = res.json<string>()
    expect(key).toMatch(/^[A-Za-z0-9_-]{44}$/)
    expect((await t.get('insightcloudsec', '/v2/public/user/info', { headers: { 'Api-Key': basic.apiKey } })).status).toBe(401)
    expect((await t.get('insightcloudsec', '/v2/public/user/info', { headers: { 'Api-Key': key } })).status).toBe(200)
    const other = await t.get('insightcloudsec', '/v2/public/apikey/create', { method: 'POST',
      headers: { 'Api-Key': key, 'Content-Type': 'application/json' }, body: JSON.stringify({ user_id: String(admin.userId) }) })
    expect(other.status).toBe(403)
  })

  it('lists clouds by GET or POST with filters, limit, offset and total_count', async () => {
    const headers = { ...JSON_HEADERS, 'Api-Key': admin.apiKey }
    const all = (await t.get('insightcloudsec', '/v2/public/clouds/list', { headers })).json<{ clouds: { cloud_type_id: string }[]; total_count: number }>()
    expect(all.total_count).toBe(all.clouds.length)
    const page = (await t.get('insightcloudsec', '/v2/public/clouds/list', { method: 'POST', headers,
      body: JSON.stringify({ filters: [{ field_name: 'cloud_type_id', filter_type: 'EXACT', filter_value: 'AWS' }], limit: 5, offset: 5 }) }))
      .json<{ clouds: { cloud_type_id: string }[]; total_count: number }>()
    expect(page.clouds).toHaveLength(5)
    expect(page.clouds.every((c) => c.cloud_type_id === 'AWS')).toBe(true)
    expect(page.total_count).toBe(all.clouds.filter((c) => c.cloud_type_id === 'AWS').length)
    const viaGetBody = (await t.get('insightcloudsec', '/v2/public/clouds/list', { headers, body: JSON.stringify({ limit: 2 }) })).json<{ clouds: unknown[] }>()
    expect(viaGetBody.clouds).toHaveLength(2)
    const bad = await t.get('insightcloudsec', '/v2/public/clouds/list', { method: 'POST', headers,
      body: JSON.stringify({ filters: [{ field_name: 'nope', filter_value: 1 }] }) })
    expect(bad.status).toBe(400)
  })

  it('pages resource/query with cursor/next_cursor until it is null; counts without a type', async () => {
    const headers = { ...JSON_HEADERS, 'Api-Key': admin.apiKey }
    const counts = (await t.get('insightcloudsec', '/v2/public/resource/query', { method: 'POST', headers, body: '{}' }))
      .json<{ counts: Record<string, number>; resources: unknown[] }>()
    expect(counts.resources).toEqual([])
    const total = counts.counts['dbinstance'] ?? 0
    const seen = new Set<string>()
    let cursor: string | null = null
    let pages = 0
    do {
      const body: Record<string, unknown> = { selected_resource_type: 'dbinstance', limit: 100, ...(cursor === null ? {} : { cursor }) }
      const res = await t.get('insightcloudsec', '/v2/public/resource/query', { method: 'POST', headers, body: JSON.stringify(body) })
      const page = res.json<{ resources: { dbinstance: { common: { resource_id: string } } }[]; next_cursor: string | null }>()
      for (const r of page.resources) seen.add(r.dbinstance.common.resource_id)
      cursor = page.next_cursor
      pages++
    } while (cursor !== null && pages < 10)
    expect(cursor).toBeNull()
    expect(pages).toBe(Math.ceil(total / 100))
    expect(seen.size).toBe(total)
    const tooBig = await t.get('insightcloudsec', '/v2/public/resource/query', { method: 'POST', headers,
      body: JSON.stringify({ selected_resource_type: 'instance', limit: 1001 }) })
    expect(tooBig.status).toBe(400)
  })

  it('lists insights as a bare array and bots with a count', async () => {
    const headers = { 'Api-Key': admin.apiKey }
    const insights = (await t.get('insightcloudsec', '/v2/public/insights/list', { headers })).json<{ insight_id: number; severity: number }[]>()
    expect(Array.isArray(insights)).toBe(true)
    expect(insights[0]).toHaveProperty('insight_id')
    const bots = (await t.get('insightcloudsec', '/v2/public/botfactory/list', { method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ filters: [], limit: 3, offset: 0 }) }))
      .json<{ bots: unknown[]; count: number }>()
    expect(bots.bots).toHaveLength(3)
    expect(bots.count).toBeGreaterThan(3)
  })

  it('gzips responses when the client sends Accept-Encoding: gzip, and not otherwise', async () => {
    const zipped = await t.get('insightcloudsec', '/v2/public/user/login', { method: 'POST',
      headers: { ...JSON_HEADERS, 'Accept-Encoding': 'gzip' }, body: JSON.stringify({ username: admin.username, password: admin.password }) })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(zipped.raw).toString('utf8'))).toHaveProperty('session_id')
    const plain = await t.get('insightcloudsec', '/v2/public/insights/list', { headers: { 'Api-Key': admin.apiKey } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(Array.isArray(JSON.parse(plain.raw.toString('utf8')))).toBe(true)
    const missing = await t.get('insightcloudsec', '/v2/public/nothing', { headers: { 'Api-Key': admin.apiKey } })
    expect(missing.status).toBe(404)
    expect(missing.json()).toMatchObject({ error_type: 'NotFound' })
  })
})
