import type { HistorySummary } from './history-entry'
import { dayKey, dayLabel } from '../format/human'

export interface DayGroup {
  key: string
  label: string
  items: HistorySummary[]
}

/**
 * Newest-first items cut into days (the user's local days): Today, Yesterday, then dates, newest day first. Items
 * keep their order within a day; an entry stored out of time order (a run recorded when it ended) still lands in its
 * own day's group.
 */
export function groupByDay(items: readonly HistorySummary[], now: Date = new Date()): DayGroup[] {
  const groups = new Map<string, DayGroup>()
  for (const item of items) {
    const key = dayKey(item.time)
    let group = groups.get(key)
    if (!group) {
      group = { key, label: dayLabel(key, now), items: [] }
      groups.set(key, group)
    }
    group.items.push(item)
  }
  return [...groups.values()].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
}

/**
 * A URL as host and path: the path is what tells requests apart (one tenant, many endpoints), so the row shows it
 * first and whole; the host is secondary. A relative or templated URL ("{{baseUrl}}/api/...") keeps its prefix as host.
 */
export function splitUrl(url: string): { host: string; path: string } {
  const absolute = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url)
  if (absolute) return { host: (absolute[1] ?? '').replace(/^[a-z][a-z0-9+.-]*:\/\//i, ''), path: absolute[2] || '/' }
  const templated = /^(\{\{[^}]+\}\})(.*)$/.exec(url)
  if (templated) return { host: templated[1] ?? '', path: templated[2] || '/' }
  return { host: '', path: url || '/' }
}

/** The status class a row is filed under, for its colour. */
export function statusClass(item: Pick<HistorySummary, 'status'>): 'ok' | 'redirect' | 'client' | 'server' | 'error' {
  const status = item.status
  if (status === null) return 'error'
  if (status >= 500) return 'server'
  if (status >= 400) return 'client'
  if (status >= 300) return 'redirect'
  return 'ok'
}

/** Local time of day of an ISO time ("14:03:27"); the UTC time goes in the row's title. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
}
