import type { Cancellation } from './cancellation'

const TICK_MS = 50

/**
 * Total timeouts for all sends on one shared, unref'd interval instead of a timer per send: sends back to back
 * then cost no timer bookkeeping at all (part of the per-request overhead budget). A timeout fires within
 * TICK_MS after its limit; the interval stops once no send is left.
 */
export class Deadlines {
  private readonly entries = new Map<Cancellation, { at: number; expire: () => void }>()
  private timer: NodeJS.Timeout | null = null

  add(cancellation: Cancellation, timeoutMs: number, expire: () => void): void {
    this.entries.set(cancellation, { at: Date.now() + timeoutMs, expire })
    if (this.timer === null) {
      this.timer = setInterval(() => this.check(), TICK_MS)
      this.timer.unref()
    }
  }

  remove(cancellation: Cancellation): void {
    this.entries.delete(cancellation)
  }

  private check(): void {
    if (this.entries.size === 0) {
      if (this.timer !== null) clearInterval(this.timer)
      this.timer = null
      return
    }
    const now = Date.now()
    for (const [cancellation, entry] of this.entries) {
      if (entry.at > now) continue
      this.entries.delete(cancellation)
      entry.expire()
    }
  }
}
