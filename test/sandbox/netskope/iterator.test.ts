import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestSandbox, tokenOf, type Page, type TestSandbox } from '../helpers'

const DAY = 86_400

describe('sandbox Netskope Data Export iterator', () => {
  let t: TestSandbox
  let headers: Record<string, string>
  let nowSec: number
  let release: (() => void) | null = null
  let holding: Promise<void> | null = null
  let entered: (() => void) | null = null

  beforeAll(async () => {
    t = await startTestSandbox({
      rateLimit: false,
      hooks: {
        beforeIteratorPage: async (_endpoint, index) => {
          if (index !== 'held') return
          entered?.()
          await holding
        }
      }
    })
    headers = { 'Netskope-Api-Token': tokenOf(t.sandbox, 'full') }
    nowSec = Math.floor(t.nowMs() / 1000)
  })
  afterAll(async () => {
    await t.stop()
  })

  const pull = async (path: string, extra: Record<string, string> = {}): Promise<{ status: number; page: Page }> => {
    const res = await t.get('netskope', path, { headers: { ...headers, ...extra } })
    return { status: res.status, page: res.json<Page>() }
  }

  it('pages with next: 10,000 records per page, oldest first, hwm = last timestamp, wait_time 0 with backlog', async () => {
    const first = await pull('/api/v2/events/dataexport/events/page?index=paging&operation=next')
    expect(first.status).toBe(200)
    expect(first.page.ok).toBe(1)
    expect(first.page.result).toHaveLength(10_000)
    expect(first.page.wait_time).toBe(0)
    const stamps = first.page.result.map((r) => Number(r['timestamp']))
    expect(stamps.every((s, k) => k === 0 || s >= (stamps[k - 1] ?? 0))).toBe(true)
    expect(stamps[0]).toBeGreaterThanOrEqual(nowSec - 7 * DAY - 5)
    expect(stamps[0]).toBeLessThan(nowSec - 7 * DAY + 60)
    expect(first.page.timestamp_hwm).toBe(stamps.at(-1))
    const record = first.page.result[0] ?? {}
    expect(record).toMatchObject({ type: 'page' })
    expect(String(record['_id'])).toMatch(/^[0-9a-f]{24}$/)
    for (const key of ['user', 'app', 'srcip', 'dstip', 'url', 'access_method', 'os', 'browser']) expect(record).toHaveProperty(key)
    const second = await pull('/api/v2/events/dataexport/events/page?index=paging&operation=next')
    expect(Number(second.page.result[0]?.['timestamp'])).toBeGreaterThanOrEqual(first.page.timestamp_hwm)
    expect(second.page.result[0]?.['_id']).not.toBe(first.page.result[0]?.['_id'])
    const firstIds = new Set(first.page.result.map((r) => r['_id']))
    expect(second.page.result.some((r) => firstIds.has(r['_id']))).toBe(false)
  })

  it('resend repeats the last page without moving; state is per (endpoint, index)', async () => {
    const a = await pull('/api/v2/events/dataexport/alerts/dlp?index=resend&operation=next')
    const again = await pull('/api/v2/events/dataexport/alerts/dlp?index=resend&operation=resend')
    expect(again.page.result).toEqual(a.page.result)
    expect(again.page.timestamp_hwm).toBe(a.page.timestamp_hwm)
    const b = await pull('/api/v2/events/dataexport/alerts/dlp?index=resend&operation=next')
    expect(b.page.result[0]?.['_id']).not.toBe(a.page.result[0]?.['_id'])
    expect(b.page.result.every((r) => r['alert_type'] === 'DLP')).toBe(true)
    // Same index name on another endpoint starts from its own beginning.
    const other = await pull('/api/v2/events/dataexport/alerts/malware?index=resend&operation=next')
    expect(Number(other.page.result[0]?.['timestamp'])).toBeLessThan(nowSec - 7 * DAY + 60)
    expect(other.page.result[0]?.['alert_type']).toBe('Malware')
  })

  it('head gives the oldest page and tail the newest', async () => {
    const head = await pull('/api/v2/events/dataexport/events/network?index=ht&operation=head')
    expect(Number(head.page.result[0]?.['timestamp'])).toBeLessThan(nowSec - 7 * DAY + 60)
    const tail = await pull('/api/v2/events/dataexport/events/network?index=ht&operation=tail')
    expect(tail.page.result).toHaveLength(10_000)
    expect(tail.page.timestamp_hwm).toBeGreaterThanOrEqual(nowSec - 1)
    expect(tail.page.wait_time).toBe(0)
    const after = await pull('/api/v2/events/dataexport/events/network?index=ht&operation=next')
    expect(after.page.result).toEqual([])
    expect(after.page.timestamp_hwm).toBe(tail.page.timestamp_hwm)
  })

  it('an epoch starts at that time; an hour holds 7,200 events (1.2M over 7 days); empty pages repeat the hwm', async () => {
    const hourAgo = nowSec - 3600
    const epoch = await pull(`/api/v2/events/dataexport/events/application?index=epoch&operation=${hourAgo}`)
    expect(epoch.page.result).toHaveLength(7202)
    expect(Number(epoch.page.result[0]?.['timestamp'])).toBe(hourAgo)
    expect(epoch.page.timestamp_hwm).toBeGreaterThanOrEqual(nowSec - 1)
    const empty1 = await pull('/api/v2/events/dataexport/events/application?index=epoch&operation=next')
    expect(empty1.page).toEqual({ ok: 1, result: [], wait_time: 0, timestamp_hwm: epoch.page.timestamp_hwm })
    const empty2 = await pull('/api/v2/events/dataexport/events/application?index=epoch&operation=next')
    expect(empty2.page.timestamp_hwm).toBe(epoch.page.timestamp_hwm)
    // New events arrive as the clock moves (2 per second).
    t.advance(10_000)
    const fresh = await pull('/api/v2/events/dataexport/events/application?index=epoch&operation=next')
    expect(fresh.page.result).toHaveLength(20)
    expect(fresh.page.timestamp_hwm).toBe(epoch.page.timestamp_hwm + 10)
  })

  it('rejects bad operations and index names with 400 and old epochs with 422', async () => {
    const badOp = await t.get('netskope', '/api/v2/events/dataexport/events/page?index=x&operation=sideways', { headers })
    expect(badOp.status).toBe(400)
    expect(badOp.json<{ message: string }>().message).toMatch(/Invalid iterator operation/)
    const noOp = await t.get('netskope', '/api/v2/events/dataexport/events/page?index=x', { headers })
    expect(noOp.status).toBe(400)
    const badIndex = await t.get('netskope', '/api/v2/events/dataexport/events/page?index=bad%20name!&operation=next', { headers })
    expect(badIndex.status).toBe(400)
    expect(badIndex.json<{ message: string }>().message).toMatch(/index/i)
    const badType = await t.get('netskope', '/api/v2/events/dataexport/events/nope?index=x&operation=next', { headers })
    expect(badType.status).toBe(400)
    const old = await t.get('netskope', `/api/v2/events/dataexport/events/page?index=x&operation=${nowSec - 8 * DAY}`, { headers })
    expect(old.status).toBe(422)
    expect(old.json<{ message: string }>().message).toMatch(/older than 7 days/)
  })

  it('answers 409 to a second pull on the same (endpoint, index) while one is in progress', async () => {
    holding = new Promise((resolve) => {
      release = resolve
    })
    const inside = new Promise<void>((resolve) => {
      entered = resolve
    })
    const first = pull('/api/v2/events/dataexport/events/audit?index=held&operation=next')
    await inside
    const second = await t.get('netskope', '/api/v2/events/dataexport/events/audit?index=held&operation=next', { headers })
    expect(second.status).toBe(409)
    expect(second.json<{ message: string }>().message).toMatch(/Concurrent events fetch/)
    const otherIndex = await pull('/api/v2/events/dataexport/events/audit?index=free&operation=next')
    expect(otherIndex.status).toBe(200)
    release?.()
    const done = await first
    expect(done.status).toBe(200)
    expect(done.page.result).toHaveLength(10_000)
    holding = null
    const afterwards = await pull('/api/v2/events/dataexport/events/audit?index=held&operation=resend')
    expect(afterwards.status).toBe(200)
  })

  it('gzips pages when asked', async () => {
    const res = await t.get('netskope', '/api/v2/events/dataexport/alerts/uba?index=gz&operation=next', {
      headers: { ...headers, 'Accept-Encoding': 'gzip' }
    })
    expect(res.headers['content-encoding']).toBe('gzip')
    const page = res.json<Page>()
    expect(page.result).toHaveLength(10_000)
    expect(res.raw.length).toBeLessThan(Buffer.byteLength(res.text()) / 3)
  })

  it('generates the same records for the same seed and different ones for another seed', async () => {
    // Records depend on (seed, time), not on when the sandbox started.
    const later = () => Date.now() + 3_600_000
    const other = await startTestSandbox({ rateLimit: false, seed: 2, now: later })
    const same = await startTestSandbox({ rateLimit: false, seed: 1, now: later })
    try {
      const path = '/api/v2/events/data/page?limit=5&starttime=' + (nowSec - 3 * DAY)
      const mine = (await t.get('netskope', path, { headers })).json<{ result: unknown[] }>().result
      const again = (await same.get('netskope', path, { headers })).json<{ result: unknown[] }>().result
      const changed = (await other.get('netskope', path, { headers })).json<{ result: unknown[] }>().result
      expect(again).toEqual(mine)
      expect(changed).not.toEqual(mine)
    } finally {
      await Promise.all([other.stop(), same.stop()])
    }
  })
})
