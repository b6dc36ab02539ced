/**
 * Numbers and times as people read them, used wherever raw counts and epochs were shown (the iterator's records and
 * progress, history): "1,209,674", "2026-12-04 10:22:03 UTC". Times are UTC because tenants, SIEMs and the records
 * themselves speak UTC; a local time beside a UTC epoch is a common source of off-by-hours mistakes.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

export function formatCount(value: number): string {
  return COUNT.format(value)
}

/** Epoch values at or above this are milliseconds (10^11 s is the year 5138). */
const MS_THRESHOLD = 1e11
/** 2001-09-09 in seconds: smaller numbers are not plausible event times (counts, ids, durations). */
const MIN_EPOCH_S = 1e9

/** "2026-12-04 10:22:03 UTC" from epoch seconds or milliseconds, a Date or ISO text; unparseable text comes back as is. */
export function formatUtc(value: number | string | Date): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? (value >= MS_THRESHOLD ? value : value * 1000) : Date.parse(value)
  if (!Number.isFinite(ms)) return String(value)
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`
}

/** Field names that carry epoch times in Netskope and CE records and parameters. */
const EPOCH_NAME = /(^|_)(timestamp|time|epoch|date)s?($|_)|^(start|end)time$|^(starttime|endtime|timestamp_hwm)$|_epoch_|epoch_timestamp/i

/** Whether a record field or parameter is an epoch time worth a human time beside it. */
export function isEpochField(name: string, value: unknown): boolean {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\d{9,13}$/.test(value) ? Number(value) : NaN
  if (!Number.isFinite(number) || number < MIN_EPOCH_S) return false
  return EPOCH_NAME.test(name)
}

/** The human UTC time for an epoch field's value, or null when the field is not one. */
export function humanEpoch(name: string, value: unknown): string | null {
  return isEpochField(name, value) ? formatUtc(Number(value)) : null
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** The local calendar day of an ISO time, as YYYY-MM-DD (history groups by the day the user lived it). */
export function dayKey(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return 'unknown'
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "Today", "Yesterday", or the date itself. */
export function dayLabel(key: string, now: Date = new Date()): string {
  if (key === dayKey(now.toISOString())) return 'Today'
  const yesterday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1, 12)
  if (key === dayKey(yesterday.toISOString())) return 'Yesterday'
  return key === 'unknown' ? 'Unknown date' : key
}
