import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, tokenOf, type Page, type TestSandbox } from '../helpers'

interface UrlList {
  id: number
  name: string
  data: { urls: string[]; type: string }
  modify_type: string
  pending: number
}

describe('sandbox Netskope query, URL list, UCI and CCI endpoints', () => {
  let t: TestSandbox
  let headers: Record<string, string>
  let json: Record<string, string>
  let nowSec = 0

  beforeAll(async () => {
    t = await startTestSandbox({ rateLimit: false })
    headers = { 'Netskope-Api-Token': tokenOf(t.sandbox, 'full') }
    json = { ...headers, 'Content-Type': 'application/json' }
    nowSec = Math.floor(t.nowMs() / 1000)
  })
  afterAll(async () => {
    await t.stop()
  })

  it('/events/data/{type} honours limit, offset, starttime/endtime, query, type and count fields', async () => {
    const start = nowSec - 2 * 86_400
    const page = await t.get('netskope', `/api/v2/events/data/page?limit=10&offset=5&starttime=${start}&endtime=${start + 3600}`, { headers })
    expect(page.status).toBe(200)
    const body = page.json<{ ok: number; result: Record<string, unknown>[] }>()
    expect(body.ok).toBe(1)
    expect(body.result).toHaveLength(10)
    expect(Number(body.result[0]?.['timestamp'])).toBe(start + 2)
    const filtered = await t.get('netskope', `/api/v2/events/data/page?limit=50&starttime=${start}&query=${encodeURIComponent("app eq 'Box' and os like mac")}`, { headers })
    const rows = filtered.json<{ result: Record<string, unknown>[] }>().result
    expect(rows.length).toBe(50)
    expect(rows.every((r) => r['app'] === 'Box' && String(r['os']).toLowerCase().includes('mac'))).toBe(true)
    const alerts = await t.get('netskope', `/api/v2/events/data/alert?limit=20&starttime=${start}&type=DLP&fields=_id,alert_type,timestamp`, { headers })
    const alertRows = alerts.json<{ result: Record<string, unknown>[] }>().result
    expect(alertRows.length).toBe(20)
    expect(alertRows.every((r) => r['alert_type'] === 'DLP' && Object.keys(r).length === 3)).toBe(true)
    const count = await t.get('netskope', `/api/v2/events/data/audit?starttime=${start}&endtime=${start + 99}&fields=event_count:count(_id)`, { headers })
    expect(count.json()).toEqual({ ok: 1, result: [{ event_count: 200 }] })
    expect((await t.get('netskope', '/api/v2/events/data/page?limit=6000', { headers })).status).toBe(400)
    expect((await t.get('netskope', '/api/v2/events/data/page?query=app%20equals%20Box', { headers })).status).toBe(400)
    expect((await t.get('netskope', '/api/v2/events/data/bogus', { headers })).status).toBe(400)
    expect((await t.get('netskope', '/api/v2/events/data/alert?type=Nope', { headers })).status).toBe(400)
  })

  it('manages URL lists: list, create, get, replace, patch append/replace, delete, deploy', async () => {
    const initial = (await t.get('netskope', '/api/v2/policy/urllist?field=id,name', { headers })).json<Record<string, unknown>[]>()
    expect(initial.length).toBeGreaterThanOrEqual(2)
    expect(Object.keys(initial[0] ?? {})).toEqual(['id', 'name'])
    const created = await t.get('netskope', '/api/v2/policy/urllist', { method: 'POST', headers: json,
      body: JSON.stringify({ name: 'xdr-threats', data: { urls: ['a.example.com', '*.b.example.org'], type: 'exact' } }) })
    expect(created.status).toBe(200)
    const [list] = created.json<UrlList[]>()
    expect(list).toMatchObject({ name: 'xdr-threats', pending: 1, modify_type: 'Created' })
    const id = list?.id ?? 0
    const dup = await t.get('netskope', '/api/v2/policy/urllist', { method: 'POST', headers: json,
      body: JSON.stringify({ name: 'xdr-threats', data: { urls: ['c.example.com'], type: 'exact' } }) })
    expect(dup.status).toBe(400)
    const appended = await t.get('netskope', `/api/v2/policy/urllist/${id}/append`, { method: 'PATCH', headers: json,
      body: JSON.stringify({ data: { urls: ['c.example.com'], type: 'exact' } }) })
    expect(appended.json<UrlList>().data.urls).toEqual(['a.example.com', '*.b.example.org', 'c.example.com'])
    const replaced = await t.get('netskope', `/api/v2/policy/urllist/${id}/replace`, { method: 'PATCH', headers: json,
      body: JSON.stringify({ data: { urls: ['d.example.com'], type: 'exact' } }) })
    expect(replaced.json<UrlList>().data.urls).toEqual(['d.example.com'])
    const invalid = await t.get('netskope', `/api/v2/policy/urllist/${id}/append`, { method: 'PATCH', headers: json,
      body: JSON.stringify({ data: { urls: ['ok.example.com', 'bad*.example.com', 'has space.com'], type: 'exact' } }) })
    expect(invalid.status).toBe(400)
    const problems = invalid.json<{ message: string[][] }>().message
    expect(problems.map((p) => p[0])).toEqual(['bad*.example.com', 'has space.com'])
    const put = await t.get('netskope', `/api/v2/policy/urllist/${id}`, { method: 'PUT', headers: json,
      body: JSON.stringify({ name: 'xdr-threats-2', data: { urls: ['^x.*$'], type: 'regex' } }) })
    expect(put.json<UrlList>()).toMatchObject({ name: 'xdr-threats-2', data: { type: 'regex' } })
    expect((await t.get('netskope', `/api/v2/policy/urllist/${id}`, { headers })).json<UrlList>().name).toBe('xdr-threats-2')
    const pending = (await t.get('netskope', '/api/v2/policy/urllist?pending=1', { headers })).json<UrlList[]>()
    expect(pending.map((l) => l.id)).toContain(id)
    const deployed = await t.get('netskope', '/api/v2/policy/urllist/deploy', { method: 'POST', headers })
    expect(deployed.json<UrlList[]>().every((l) => l.pending === 0)).toBe(true)
    const deleted = await t.get('netskope', `/api/v2/policy/urllist/${id}`, { method: 'DELETE', headers })
    expect(deleted.json<UrlList>()).toMatchObject({ modify_type: 'Deleted', pending: 1 })
    await t.get('netskope', '/api/v2/policy/urllist/deploy', { method: 'POST', headers })
    expect((await t.get('netskope', `/api/v2/policy/urllist/${id}`, { headers })).status).toBe(404)
  })

  it('uploads URL lists as a multipart file', async () => {
    const boundary = '----sandbox' + Date.now()
    const file = JSON.stringify({ items: [{ name: 'uploaded', data: { urls: ['up.example.com'], type: 'exact' } }] })
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="urllist"; filename="lists.json"\r\n` +
      `Content-Type: application/json\r\n\r\n${file}\r\n--${boundary}--\r\n`
    const res = await t.get('netskope', '/api/v2/policy/urllist/file', { method: 'POST', body,
      headers: { ...headers, 'Content-Type': `multipart/form-data; boundary=${boundary}` } })
    expect(res.status).toBe(200)
    expect(res.json<UrlList[]>()[0]).toMatchObject({ name: 'uploaded', data: { urls: ['up.example.com'] } })
    const notMultipart = await t.get('netskope', '/api/v2/policy/urllist/file', { method: 'POST', headers: json, body: file })
    expect(notMultipart.status).toBe(400)
  })

  it('returns UCI scores from both UCI endpoints and validates their bodies', async () => {
    const user = 'alice.smith@acme-sandbox.example'
    const many = await t.get('netskope', '/api/v2/incidents/uba/getuci', { method: 'POST', headers: json,
      body: JSON.stringify({ users: [user], fromTime: 0, capPerUser: 3 }) })
    const usersUci = many.json<{ usersUci: { userId: string; confidences: { start: number; confidenceScore: number }[] }[] }>().usersUci
    expect(usersUci[0]?.userId).toBe(user)
    expect(usersUci[0]?.confidences).toHaveLength(3)
    expect(usersUci[0]?.confidences.every((c) => c.confidenceScore >= 0 && c.confidenceScore <= 1000)).toBe(true)
    const bad = await t.get('netskope', '/api/v2/incidents/uba/getuci', { method: 'POST', headers: json, body: '{"fromTime":0}' })
    expect(bad.status).toBe(400)
    expect(bad.json()).toMatchObject({ parameters: {} })
    const one = await t.get('netskope', '/api/v2/ubadatasvc/user/uci', { method: 'POST', headers: json,
      body: JSON.stringify({ user, fromTime: (nowSec - 5 * 86_400) * 1000 }) })
    const single = one.json<{ userId: string; confidences: unknown[] }>()
    expect(single.userId).toBe(user)
    expect(single.confidences.length).toBeGreaterThanOrEqual(5)
    expect((await t.get('netskope', '/api/v2/ubadatasvc/user/uci', { method: 'POST', headers: json, body: '{}' })).status).toBe(400)
  })

  it('serves CCI apps, domains and tags', async () => {
    const apps = (await t.get('netskope', '/api/v2/services/cci/app?ccl=excellent&limit=3', { headers })).json<{
      data: { app_name: string; ccl: string }[]; status: string; total_query_count: number }>()
    expect(apps.status).toBe('Success')
    expect(apps.data).toHaveLength(3)
    expect(apps.data.every((a) => a.ccl === 'excellent')).toBe(true)
    expect(apps.total_query_count).toBeGreaterThan(3)
    expect((await t.get('netskope', '/api/v2/services/cci/app?ccl=great', { headers })).status).toBe(400)
    expect((await t.get('netskope', '/api/v2/services/cci/app?apps=NoSuchApp', { headers })).status).toBe(204)
    const domain = (await t.get('netskope', '/api/v2/services/cci/domain?app=Box', { headers })).json<{ data: { discovery_domains: string[] } }>()
    expect(domain.data.discovery_domains).toContain('box.com')
    const created = await t.get('netskope', '/api/v2/services/cci/tags', { method: 'POST', headers: json,
      body: JSON.stringify({ tag: 'ccl_high', apps: ['Box'] }) })
    expect(created.json()).toMatchObject({ tag: 'ccl_high', apps: ['Box'], status: 'Success' })
    await t.get('netskope', '/api/v2/services/cci/tags/ccl_high', { method: 'PATCH', headers: json,
      body: JSON.stringify({ apps: ['Slack'], action: 'append' }) })
    const tags = (await t.get('netskope', '/api/v2/services/cci/tags?apps=Box;Slack', { headers })).json<{ data: Record<string, { tags: string[] }> }>()
    expect(tags.data['Slack']?.tags).toContain('ccl_high')
    expect(tags.data['Box']?.tags).toContain('ccl_high')
    const removed = await t.get('netskope', '/api/v2/services/cci/tags?tags=ccl_high', { method: 'DELETE', headers })
    expect(removed.status).toBe(202)
  })

  it('returns the configured wait_time once a consumer has caught up', async () => {
    const slow = await startTestSandbox({ rateLimit: false, waitTime: 5 })
    try {
      const h = { 'Netskope-Api-Token': tokenOf(slow.sandbox, 'full') }
      const tail = (await slow.get('netskope', '/api/v2/events/dataexport/events/page?index=w&operation=tail', { headers: h })).json<Page>()
      expect(tail.wait_time).toBe(5)
      const head = (await slow.get('netskope', '/api/v2/events/dataexport/events/page?index=w&operation=head', { headers: h })).json<Page>()
      expect(head.wait_time).toBe(0)
    } finally {
      await slow.stop()
    }
  })
})
