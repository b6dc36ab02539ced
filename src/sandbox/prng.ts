/**
 * Seeded, allocation-free pseudo-random numbers for the sandbox's generated data.
 * Every generated record is a pure function of (seed, stream name, index): the stream seed is mixed
 * once, then each record gets its own small generator, so record i never depends on records < i.
 */

/** FNV-1a over UTF-16 code units: cheap and stable, good enough to separate stream names. */
export function hashString(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** Murmur3's finaliser: spreads every input bit over the whole word. */
export function mix32(value: number): number {
  let h = value >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Seed of item `index` in stream `streamHash` (indexes up to 2^53 stay distinct per stream). */
export function itemSeed(seed: number, streamHash: number, index: number): number {
  const low = index >>> 0
  const high = Math.floor(index / 0x100000000) >>> 0
  return mix32(mix32(mix32(seed ^ streamHash) ^ low) + Math.imul(high, 0x9e3779b9))
}

const HEX = '0123456789abcdef'

/** Mulberry32: one 32-bit state word, fast, and plenty for fake data. */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.next() / 0x100000000
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n)
  }

  /** Uniform integer in [min, max]. */
  range(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }

  chance(probability: number): boolean {
    return this.float() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('Rng.pick called with an empty list')
    return item
  }

  /** Lower-case hex string of `length` characters. */
  hex(length: number): string {
    let out = ''
    while (out.length < length) {
      let word = this.next()
      for (let k = 0; k < 8 && out.length < length; k++) {
        out += HEX[word & 15]
        word >>>= 4
      }
    }
    return out
  }

  /** Dotted IPv4 address inside `prefix` (e.g. "10.", "192.168."), the rest random. */
  ipv4(prefix = ''): string {
    const parts = prefix === '' ? [] : prefix.replace(/\.$/, '').split('.')
    while (parts.length < 4) parts.push(String(this.range(1, 254)))
    return parts.join('.')
  }
}
