/** Epoch values shown as a UTC time beside the number, and the picker's value (datetime-local, read as UTC). */

const MAX_MS = 8.64e15

function toMs(epoch: string, unit: 'seconds' | 'milliseconds'): number | null {
  if (!/^-?\d{1,16}$/.test(epoch.trim())) return null
  const ms = Number(epoch) * (unit === 'seconds' ? 1000 : 1)
  return Math.abs(ms) <= MAX_MS ? ms : null
}

/** "2024-02-26 12:20:00 UTC", or null when the text is not an epoch value. */
export function humanUtc(epoch: string, unit: 'seconds' | 'milliseconds'): string | null {
  const ms = toMs(epoch, unit)
  if (ms === null) return null
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.000Z$/, ' UTC').replace(/Z$/, ' UTC')
}

/** The datetime-local picker's value for an epoch ('' when there is none). */
export function pickerValue(epoch: string, unit: 'seconds' | 'milliseconds'): string {
  const ms = toMs(epoch, unit)
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 19)
}

/** The epoch for a picked datetime-local value, read as UTC ('' when cleared or unreadable). */
export function fromPicker(local: string, unit: 'seconds' | 'milliseconds'): string {
  if (local === '') return ''
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`)
  if (Number.isNaN(ms)) return ''
  return String(unit === 'seconds' ? Math.floor(ms / 1000) : ms)
}
