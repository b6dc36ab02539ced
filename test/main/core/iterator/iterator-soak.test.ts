import { describe, expect, it } from 'vitest'
import { slopePerMinute, soakFollow } from '../../../support/iterator-soak'

// A follow-mode pull for 30 s against the sandbox (fast clock, so pages keep coming) with RSS sampled.
// Bounds are generous: RSS also moves with allocator slack and machine noise (~10 MB/min seen here, heap flat), so it
// gets the wider one; heap + external (what a JS-side leak grows) the tighter one. A page-data leak is far above both.
const MAX_RSS_SLOPE = 60
const MAX_HEAP_SLOPE = 15

describe('iterator soak (follow mode)', () => {
  it('least-squares fit is right on known data', () => {
    expect(slopePerMinute([{ t: 0, y: 10 }, { t: 30_000, y: 11 }, { t: 60_000, y: 12 }])).toBeCloseTo(2)
    expect(slopePerMinute([{ t: 0, y: 5 }, { t: 1000, y: 5 }])).toBe(0)
  })

  it('30 s of follow: pages keep arriving and RSS shows no growth trend after warm-up', { timeout: 90_000 }, async () => {
    const result = await soakFollow({ durationMs: 30_000, warmupMs: 8_000, sampleMs: 500 })
    console.log(`soak: ${result.pages} pages, ${result.records} records, RSS ${result.rssStartMb.toFixed(0)} -> ${result.rssEndMb.toFixed(0)} MB, ` +
      `slope ${result.rssSlopeMbPerMin.toFixed(2)} MB/min (heap ${result.heapSlopeMbPerMin.toFixed(2)}), forced GC ${result.forcedGc}`)
    expect(result.pages).toBeGreaterThan(30)
    expect(result.records).toBeGreaterThan(10_000)
    expect(result.rssSlopeMbPerMin).toBeLessThan(MAX_RSS_SLOPE)
    expect(result.heapSlopeMbPerMin).toBeLessThan(MAX_HEAP_SLOPE)
  })

  it('the same measurement sees a leak: keeping 256 KB per page pushes both slopes over their bounds', { timeout: 60_000 }, async () => {
    const kept: Buffer[] = []
    const result = await soakFollow({ durationMs: 10_000, warmupMs: 3_000, sampleMs: 500, onPage: () => void kept.push(Buffer.alloc(256 * 1024, 1)) })
    expect(kept.length).toBe(result.pages)
    expect(result.rssSlopeMbPerMin).toBeGreaterThan(MAX_RSS_SLOPE)
    expect(result.heapSlopeMbPerMin).toBeGreaterThan(MAX_HEAP_SLOPE)
  })
})
