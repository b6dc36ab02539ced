/**
 * Lazily generated event and alert streams. Record i of a stream is a pure function of (seed, stream, i),
 * timestamp included: ORIGIN + floor(i / rate). So the stream is sorted by time, the same moment shows the
 * same records in every run with the same seed, it keeps growing as the clock moves, and index <-> time
 * conversions are O(1). Only the last 7 days are served (retention). Nothing is stored.
 */
import { hashString, itemSeed, Rng } from '../prng'
import { fragmentPools, recordId, type FragmentPools } from './fragments'
import { ALERT_TYPES, buildAlertJson, type AlertType } from './records-alerts'
import { EVENT_TYPES, buildEventJson, type EventType } from './records-events'

export const RETENTION_SECONDS = 7 * 24 * 3600
/** 2020-01-01T00:00:00Z: record 0 of every stream. */
const ORIGIN_SEC = 1_577_836_800

/** Records per second: 2/s gives 1,209,600 events per type over 7 days; alerts 1/s give 604,800. */
const EVENT_RATE = 2
const ALERT_RATE = 1

export type StreamKind = 'events' | 'alerts'

export interface Stream {
  /** `events/page`, `alerts/dlp`, ... */
  key: string
  kind: StreamKind
  type: string
  rate: number
  originSec: number
  hash: number
  build(rng: Rng, id: string, ts: number, pools: FragmentPools): string
}

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value)
}

export function isAlertType(value: string): value is AlertType {
  return (ALERT_TYPES as readonly string[]).includes(value)
}

export class StreamSet {
  private readonly streams = new Map<string, Stream>()
  private readonly pools: FragmentPools

  constructor(private readonly seed: number) {
    this.pools = fragmentPools(seed)
    const originSec = ORIGIN_SEC
    for (const type of EVENT_TYPES) {
      const key = `events/${type}`
      this.streams.set(key, { key, kind: 'events', type, rate: EVENT_RATE, originSec, hash: hashString(key),
        build: (rng, id, ts, pools) => buildEventJson(type, rng, id, ts, pools) })
    }
    for (const type of ALERT_TYPES) {
      const key = `alerts/${type}`
      this.streams.set(key, { key, kind: 'alerts', type, rate: ALERT_RATE, originSec, hash: hashString(key),
        build: (rng, id, ts, pools) => buildAlertJson(type, rng, id, ts, pools) })
    }
  }

  get(kind: StreamKind, type: string): Stream | undefined {
    return this.streams.get(`${kind}/${type}`)
  }

  /** JSON text of record `index` (the fast path used by the iterator). */
  json(stream: Stream, index: number): string {
    const rng = new Rng(itemSeed(this.seed, stream.hash, index))
    return stream.build(rng, recordId(rng), timestampOf(stream, index), this.pools)
  }

  record(stream: Stream, index: number): Record<string, unknown> {
    return JSON.parse(this.json(stream, index)) as Record<string, unknown>
  }
}

export function timestampOf(stream: Stream, index: number): number {
  return stream.originSec + Math.floor(index / stream.rate)
}

/** First index whose timestamp is >= `epochSec`. */
export function firstIndexAtOrAfter(stream: Stream, epochSec: number): number {
  return Math.max(0, (Math.ceil(epochSec) - stream.originSec) * stream.rate)
}

/** Number of records that exist at `nowSec` (timestamps <= now). */
export function availableCount(stream: Stream, nowSec: number): number {
  return Math.max(0, (Math.floor(nowSec) - stream.originSec + 1) * stream.rate)
}

/** Index of the oldest record still inside the 7-day retention window. */
export function oldestRetainedIndex(stream: Stream, nowSec: number): number {
  return firstIndexAtOrAfter(stream, nowSec - RETENTION_SECONDS)
}
