import { describe, expect, it } from 'vitest'
import type { HistorySummary } from '../../../src/shared/collections/history-entry'
import { groupByDay, splitUrl, statusClass } from '../../../src/shared/collections/history-rows'

const at = (y: number, m: number, d: number, h: number): string => new Date(y, m, d, h).toISOString()
const item = (id: string, time: string, status: number | null = 200): HistorySummary => ({
  id, time, method: 'GET', url: 'https://t.example/x', status, durationMs: 1, sizeBytes: 1, errorCode: null, environmentId: null, run: null
})

describe('history rows', () => {
  it('groups newest-first items by local day: Today, Yesterday, then dates', () => {
    const now = new Date(2026, 11, 4, 15)
    const groups = groupByDay([item('a', at(2026, 11, 4, 14)), item('b', at(2026, 11, 4, 1)), item('c', at(2026, 11, 3, 23)), item('d', at(2026, 10, 30, 9))], now)
    expect(groups.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([['Today', ['a', 'b']], ['Yesterday', ['c']], ['2026-11-30', ['d']]])
    // Stored out of order (an old day listed before a newer one): still one group per day, newest day first.
    const shuffled = groupByDay([item('a', at(2026, 11, 4, 14)), item('d', at(2026, 10, 30, 9)), item('c', at(2026, 11, 3, 23)), item('b', at(2026, 11, 4, 1))], now)
    expect(shuffled.map((g) => [g.label, g.items.map((i) => i.id)])).toEqual([['Today', ['a', 'b']], ['Yesterday', ['c']], ['2026-11-30', ['d']]])
  })

  it('splits a URL into a secondary host and the path that is shown whole', () => {
    expect(splitUrl('https://tenant.goskope.com/api/v2/events/dataexport/alerts/malware?index=a&operation=next')).toEqual({
      host: 'tenant.goskope.com', path: '/api/v2/events/dataexport/alerts/malware?index=a&operation=next'
    })
    expect(splitUrl('http://127.0.0.1:8443')).toEqual({ host: '127.0.0.1:8443', path: '/' })
    expect(splitUrl('{{baseUrl}}/api/tenants')).toEqual({ host: '{{baseUrl}}', path: '/api/tenants' })
    expect(splitUrl('/api/v1/alerts')).toEqual({ host: '', path: '/api/v1/alerts' })
  })

  it('files statuses into classes', () => {
    expect([200, 302, 404, 503, null].map((status) => statusClass({ status }))).toEqual(['ok', 'redirect', 'client', 'server', 'error'])
  })
})
