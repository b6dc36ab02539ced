import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALERT_COUNT } from '../../../src/sandbox/falcon/data-detections'
import { HOST_COUNT } from '../../../src/sandbox/falcon/data-hosts'
import { IOC_COUNT } from '../../../src/sandbox/falcon/data-iocs'
import { startFalcon, type Envelope, type FalconHarness } from './harness'

type Host = { device_id: string; hostname: string; platform_name: string; status: string; last_seen: string }

describe('sandbox Falcon endpoints', () => {
  let f: FalconHarness
  let token: string
  const get = <T = string>(path: string) => f.authed(token, path).then((r) => ({ status: r.status, body: r.json<Envelope<T>>(), headers: r.headers }))
  const post = <T = unknown>(path: string, body: unknown) =>
    f.authed(token, path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      .then((r) => ({ status: r.status, body: r.json<Envelope<T>>() }))

  beforeAll(async () => {
    f = await startFalcon({ rateLimit: false })
    token = await f.tokenFor('full')
  })
  afterAll(async () => {
    await f.close()
  })

  it('answers in the {meta, resources, errors} envelope with pagination and the X-Cs headers', async () => {
    const res = await get('/devices/queries/devices/v1?limit=5')
    expect(res.status).toBe(200)
    expect(res.body.resources).toHaveLength(5)
    expect(res.body.errors).toEqual([])
    expect(res.body.meta.pagination).toEqual({ offset: 5, limit: 5, total: HOST_COUNT })
    expect(res.body.meta.trace_id).toBe(res.headers['x-cs-traceid'])
    expect(res.headers['x-cs-region']).toBe('us-1')
    expect(res.headers['x-ratelimit-limit']).toBe('6000')
  })

  it('generates the same data for the same seed', async () => {
    const other = await startFalcon({ rateLimit: false })
    try {
      const mine = (await get('/devices/queries/devices/v1?limit=20')).body.resources
      const theirs = (await other.authed(await other.tokenFor('full'), '/devices/queries/devices/v1?limit=20')).json<Envelope>().resources
      expect(theirs).toEqual(mine)
    } finally {
      await other.close()
    }
  })

  it('walks every host exactly once with offset/limit and with the scroll token', async () => {
    const seen: string[] = []
    for (let offset = 0; offset < HOST_COUNT; offset += 70) {
      seen.push(...(await get(`/devices/queries/devices/v1?offset=${offset}&limit=70&sort=hostname.asc`)).body.resources)
    }
    expect(seen).toHaveLength(HOST_COUNT)
    expect(new Set(seen).size).toBe(HOST_COUNT)
    const scrolled: string[] = []
    let next = ''
    for (let guard = 0; guard < 20; guard++) {
      const page = await get(`/devices/queries/devices-scroll/v1?limit=64${next === '' ? '' : `&offset=${next}`}`)
      expect(page.status).toBe(200)
      if (page.body.resources.length === 0) break
      scrolled.push(...page.body.resources)
      next = String(page.body.meta.pagination?.offset)
    }
    expect(scrolled.sort()).toEqual([...seen].sort())
    expect((await get('/devices/queries/devices-scroll/v1?offset=garbage')).status).toBe(400)
    f.advance(2 * 60_000 + 1)
    expect((await get(`/devices/queries/devices-scroll/v1?offset=${next}`)).status).toBe(400)
  })

  it('returns host details by GET ?ids= and POST {ids}, with per-id errors for unknown ids', async () => {
    const ids = (await get('/devices/queries/devices/v1?limit=3')).body.resources
    const byQuery = await get<Host>(`/devices/entities/devices/v2?${ids.map((id) => `ids=${id}`).join('&')}`)
    expect(byQuery.body.resources.map((h) => h.device_id)).toEqual(ids)
    const byBody = await post<Host>('/devices/entities/devices/v2', { ids: [...ids, 'f'.repeat(32)] })
    expect(byBody.status).toBe(200)
    expect(byBody.body.resources).toHaveLength(3)
    expect(byBody.body.errors).toEqual([{ code: 404, message: 'device_id not found', id: 'f'.repeat(32) }])
    expect((await post('/devices/entities/devices/v2', { ids: ['nope'] })).status).toBe(404)
    expect((await post('/devices/entities/devices/v2', { devices: [] })).status).toBe(400)
    const tooMany = Array.from({ length: 101 }, (_, i) => `ids=${i}`).join('&')
    expect((await get(`/devices/entities/devices/v2?${tooMany}`)).status).toBe(400)
  })

  it("filters with FQL field:'value' and range terms joined by +, and refuses what it does not support", async () => {
    const linuxIds = (await get("/devices/queries/devices/v1?limit=5000&filter=platform_name:'Linux'")).body.resources
    const linux = (await post<Host>('/devices/entities/devices/v2', { ids: linuxIds })).body.resources
    expect(linux.length).toBeGreaterThan(10)
    expect(linux.every((h) => h.platform_name === 'Linux')).toBe(true)
    const cutoff = [...linux].map((h) => h.last_seen).sort()[Math.floor(linux.length / 2)] ?? ''
    const filter = encodeURIComponent(`platform_name:'Linux'+last_seen:>'${cutoff}'`)
    const recentIds = (await get(`/devices/queries/devices/v1?limit=5000&filter=${filter}`)).body.resources
    expect(recentIds.length).toBe(linux.filter((h) => h.last_seen > cutoff).length)
    expect(recentIds.length).toBeGreaterThan(0)
    const rawPlus = (await get(`/devices/queries/devices/v1?limit=5000&filter=platform_name:'Linux'+last_seen:>'${cutoff}'`)).body.resources
    expect(rawPlus).toEqual(recentIds)
    const spaced = (await get(`/devices/queries/devices/v1?limit=5000&filter=${encodeURIComponent("hostname:'AUS DC'")}`))
    expect(spaced.status).toBe(200)
    const negated = (await get(`/devices/queries/devices/v1?limit=5000&filter=${encodeURIComponent("platform_name:!'Linux'")}`)).body.resources
    expect(negated.length + linuxIds.length).toBe(HOST_COUNT)
    for (const bad of ["platform_name:'Linux',status:'normal'", "hostname:*'WS*'", "nosuch:'x'", "platform_name:['Linux']", "hostname:'open",
      Array.from({ length: 21 }, () => "status:'normal'").join('+'), `hostname:'${'x'.repeat(2001)}'`]) {
      const res = await get(`/devices/queries/devices/v1?filter=${encodeURIComponent(bad)}`)
      expect(res.status, bad.slice(0, 60)).toBe(400)
      expect(res.body.errors[0]?.code, bad).toBe(400)
      expect(res.body.errors[0]?.message, bad).toMatch(/^Invalid filter: /)
    }
  })

  it('refuses a limit above each endpoint maximum with 400', async () => {
    for (const [path, max] of [['/devices/queries/devices/v1', 5000], ['/devices/queries/devices-scroll/v1', 10000],
      ['/alerts/queries/alerts/v2', 10000], ['/detects/queries/detects/v1', 9999], ['/incidents/queries/incidents/v1', 500],
      ['/incidents/queries/behaviors/v1', 500], ['/iocs/queries/indicators/v1', 500], ['/iocs/combined/indicator/v1', 500],
      ['/real-time-response/queries/sessions/v1', 5000]] as const) {
      expect((await get(`${path}?limit=${max}`)).status, path).toBe(200)
      const over = await get(`${path}?limit=${max + 1}`)
      expect(over.status, path).toBe(400)
      expect(over.body.errors[0]?.message, path).toBe(`limit must be between 1 and ${max}`)
    }
    expect((await get('/devices/queries/devices/v1?limit=0')).status).toBe(400)
    expect((await get('/devices/queries/devices/v1?offset=-1')).status).toBe(400)
  })

  it('pages alerts with offset (composite ids) and the combined endpoint with after, each record exactly once', async () => {
    const composite: string[] = []
    for (let offset = 0; offset < ALERT_COUNT; offset += 150) {
      composite.push(...(await get(`/alerts/queries/alerts/v2?offset=${offset}&limit=150`)).body.resources)
    }
    expect(new Set(composite).size).toBe(ALERT_COUNT)
    const viaAfter: string[] = []
    let after: string | undefined
    for (let guard = 0; guard < 20; guard++) {
      const page = await post<{ composite_id: string }>('/alerts/combined/alerts/v1', { limit: 90, ...(after === undefined ? {} : { after }) })
      expect(page.status).toBe(200)
      viaAfter.push(...page.body.resources.map((a) => a.composite_id))
      after = page.body.meta.pagination?.after
      if (after === undefined) break
    }
    expect(viaAfter).toHaveLength(ALERT_COUNT)
    expect(new Set(viaAfter)).toEqual(new Set(composite))
    const details = await post<{ composite_id: string }>('/alerts/entities/alerts/v2', { composite_ids: composite.slice(0, 4) })
    expect(details.body.resources.map((a) => a.composite_id)).toEqual(composite.slice(0, 4))
    const high = await post<{ severity: number }>('/alerts/combined/alerts/v1', { filter: 'severity:>=70', limit: 1000 })
    expect(high.body.resources.length).toBeGreaterThan(0)
    expect(high.body.resources.every((a) => a.severity >= 70)).toBe(true)
  })

  it('pages IOCs with after (ids and combined records), refusing offset together with after', async () => {
    const ids: string[] = []
    let after: string | undefined
    for (let guard = 0; guard < 20; guard++) {
      const page = await get(`/iocs/queries/indicators/v1?limit=100${after === undefined ? '' : `&after=${after}`}`)
      ids.push(...page.body.resources)
      expect(page.body.meta.pagination?.total).toBe(IOC_COUNT)
      after = page.body.meta.pagination?.after
      if (after === undefined) break
    }
    expect(ids).toHaveLength(IOC_COUNT)
    expect(new Set(ids).size).toBe(IOC_COUNT)
    const combined = await get<{ id: string; type: string }>("/iocs/combined/indicator/v1?limit=500&filter=type:'domain'")
    expect(combined.body.resources.length).toBeGreaterThan(0)
    expect(combined.body.resources.every((i) => i.type === 'domain')).toBe(true)
    expect((await get(`/iocs/queries/indicators/v1?offset=0&after=${encodeURIComponent(after ?? 'x')}`)).status).toBe(400)
    const one = await get<{ id: string }>(`/iocs/entities/indicators/v1?ids=${ids[0] ?? ''}`)
    expect(one.body.resources[0]?.id).toBe(ids[0])
  })

  it('serves detections, incidents, behaviors and RTR sessions by query then entities', async () => {
    for (const [query, entities, key] of [
      ['/detects/queries/detects/v1', '/detects/entities/summaries/GET/v1', 'detection_id'],
      ['/incidents/queries/incidents/v1', '/incidents/entities/incidents/GET/v1', 'incident_id'],
      ['/incidents/queries/behaviors/v1', '/incidents/entities/behaviors/GET/v1', 'behavior_id'],
      ['/real-time-response/queries/sessions/v1', '/real-time-response/entities/sessions/GET/v1', 'id']] as const) {
      const ids = (await get(`${query}?limit=3`)).body.resources
      expect(ids, query).toHaveLength(3)
      const found = await post<Record<string, unknown>>(entities, { ids })
      expect(found.status, entities).toBe(200)
      expect(found.body.resources.map((r) => r[key]), entities).toEqual(ids)
    }
    const sorted = (await get('/incidents/queries/incidents/v1?limit=500&sort=start.asc')).body.resources
    const incidents = (await post<{ start: string }>('/incidents/entities/incidents/GET/v1', { ids: sorted })).body.resources.map((i) => i.start)
    expect(incidents).toEqual([...incidents].sort())
    expect((await get('/incidents/queries/incidents/v1?sort=nosuch.asc')).status).toBe(400)
  })
})
