/**
 * Fixed one-second windows per key, like the Netskope v2 gateway: `limit` requests per key per window.
 * Memory stays bounded: entries from past windows are dropped when the map grows.
 */
export interface RateDecision {
  allowed: boolean
  limit: number
  /** Requests left in the current window after this one. */
  remaining: number
  /** Whole seconds until the window resets (at least 1). */
  resetSeconds: number
}

interface WindowEntry {
  window: number
  count: number
}

const PRUNE_THRESHOLD = 10_000

export class RateLimiter {
  private readonly entries = new Map<string, WindowEntry>()

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly enabled: boolean
  ) {}

  take(key: string): RateDecision {
    const nowMs = this.now()
    const window = Math.floor(nowMs / this.windowMs)
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * this.windowMs - nowMs) / 1000))
    let entry = this.entries.get(key)
    if (entry === undefined || entry.window !== window) {
      if (this.entries.size >= PRUNE_THRESHOLD) this.prune(window)
      entry = { window, count: 0 }
      this.entries.set(key, entry)
    }
    if (this.enabled && entry.count >= this.limit) {
      return { allowed: false, limit: this.limit, remaining: 0, resetSeconds }
    }
    entry.count++
    const remaining = Math.max(0, this.limit - entry.count)
    return { allowed: true, limit: this.limit, remaining, resetSeconds }
  }

  /** The current state for `key` without counting a request. */
  peek(key: string): RateDecision {
    const nowMs = this.now()
    const window = Math.floor(nowMs / this.windowMs)
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * this.windowMs - nowMs) / 1000))
    const entry = this.entries.get(key)
    const used = entry !== undefined && entry.window === window ? entry.count : 0
    return { allowed: !this.enabled || used < this.limit, limit: this.limit, remaining: Math.max(0, this.limit - used), resetSeconds }
  }

  private prune(currentWindow: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.window !== currentWindow) this.entries.delete(key)
    }
  }
}
