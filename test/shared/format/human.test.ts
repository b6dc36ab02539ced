import { describe, expect, it } from 'vitest'
import { dayKey, dayLabel, formatCount, formatUtc, humanEpoch, isEpochField } from '../../../src/shared/format/human'

describe('human formats', () => {
  it('counts with grouping', () => {
    expect(formatCount(1209674)).toBe('1,209,674')
    expect(formatCount(0)).toBe('0')
  })

  it('UTC times, ISO-like, from epoch seconds, milliseconds, Dates and ISO text', () => {
    const at = Date.UTC(2026, 11, 4, 10, 22, 3)
    expect(formatUtc(at / 1000)).toBe('2026-12-04 10:22:03 UTC')
    expect(formatUtc(at)).toBe('2026-12-04 10:22:03 UTC')
    expect(formatUtc(new Date(at))).toBe('2026-12-04 10:22:03 UTC')
    expect(formatUtc('2026-12-04T10:22:03.000Z')).toBe('2026-12-04 10:22:03 UTC')
    expect(formatUtc('not a time')).toBe('not a time')
  })

  it('recognises epoch fields by name and plausible value', () => {
    expect(isEpochField('timestamp', 1764843723)).toBe(true)
    expect(isEpochField('_insertion_epoch_timestamp', 1764843723)).toBe(true)
    expect(isEpochField('start_time', 1764843723)).toBe(true)
    expect(isEpochField('endtime', 1764843723000)).toBe(true)
    expect(isEpochField('count', 1764843723)).toBe(false)
    expect(isEpochField('timestamp', 42)).toBe(false)
    expect(isEpochField('timestamp', 'abc')).toBe(false)
    expect(humanEpoch('timestamp', 1764843723)).toBe('2025-12-04 10:22:03 UTC')
    expect(humanEpoch('timestamp', '1764843723')).toBe('2025-12-04 10:22:03 UTC')
    expect(humanEpoch('user', 1764843723)).toBeNull()
  })

  it('day groups in local time: Today, Yesterday, then the date', () => {
    const now = new Date(2026, 11, 4, 9, 0, 0)
    expect(dayLabel(dayKey(new Date(2026, 11, 4, 0, 0, 1).toISOString()), now)).toBe('Today')
    expect(dayLabel(dayKey(new Date(2026, 11, 3, 23, 59, 0).toISOString()), now)).toBe('Yesterday')
    expect(dayLabel(dayKey(new Date(2026, 10, 28, 12, 0, 0).toISOString()), now)).toBe('2026-11-28')
  })
})
