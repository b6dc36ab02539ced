import { describe, expect, it } from 'vitest'
import { ALERT_TYPES } from '../../../src/sandbox/netskope/records-alerts'
import { EVENT_TYPES } from '../../../src/sandbox/netskope/records-events'
import {
  availableCount, firstIndexAtOrAfter, oldestRetainedIndex, RETENTION_SECONDS, StreamSet, timestampOf,
  type StreamKind
} from '../../../src/sandbox/netskope/streams'

const streams: [StreamKind, string][] = [
  ...EVENT_TYPES.map((t): [StreamKind, string] => ['events', t]),
  ...ALERT_TYPES.map((t): [StreamKind, string] => ['alerts', t])
]

describe('sandbox Netskope record generator', () => {
  const set = new StreamSet(7)
  const nowSec = 1_800_000_000

  it.each(streams)('%s/%s: every record is valid JSON with _id, timestamp and type-specific fields', (kind, type) => {
    const stream = set.get(kind, type)
    if (stream === undefined) throw new Error(`missing stream ${kind}/${type}`)
    const base = oldestRetainedIndex(stream, nowSec)
    for (let k = 0; k < 500; k++) {
      const record = JSON.parse(set.json(stream, base + k * 997)) as Record<string, unknown>
      expect(record['_id']).toMatch(/^[0-9a-f]{24}$/)
      expect(record['timestamp']).toBe(timestampOf(stream, base + k * 997))
      expect(typeof record['type']).toBe('string')
      if (kind === 'alerts') expect(record).toMatchObject({ alert: 'yes' })
      if (kind === 'alerts') expect(typeof record['alert_name']).toBe('string')
    }
  })

  it('is a pure function of (seed, stream, index)', () => {
    const again = new StreamSet(7)
    const other = new StreamSet(8)
    const stream = set.get('events', 'page')
    const stream2 = again.get('events', 'page')
    const stream3 = other.get('events', 'page')
    if (stream === undefined || stream2 === undefined || stream3 === undefined) throw new Error('missing stream')
    for (const index of [0, 1, 123_456, 99_999_999]) {
      expect(again.json(stream2, index)).toBe(set.json(stream, index))
      expect(other.json(stream3, index)).not.toBe(set.json(stream, index))
    }
  })

  it('keeps at least 250,000 records per type inside the 7-day window, ordered by time', () => {
    for (const [kind, type] of streams) {
      const stream = set.get(kind, type)
      if (stream === undefined) throw new Error(`missing stream ${kind}/${type}`)
      const retained = availableCount(stream, nowSec) - oldestRetainedIndex(stream, nowSec)
      expect(retained).toBeGreaterThanOrEqual(250_000)
      expect(timestampOf(stream, oldestRetainedIndex(stream, nowSec))).toBe(nowSec - RETENTION_SECONDS)
      expect(timestampOf(stream, availableCount(stream, nowSec) - 1)).toBe(nowSec)
      const i = firstIndexAtOrAfter(stream, nowSec - 1000)
      expect(timestampOf(stream, i)).toBe(nowSec - 1000)
      expect(timestampOf(stream, i - 1)).toBe(nowSec - 1001)
    }
  })
})
