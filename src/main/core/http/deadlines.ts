import { performance } from 'node:perf_hooks'
import type { Cancellation } from './cancellation'
import type { ProgressReporter } from './progress'

const TICK_MS = 50

interface Entry {
  at: number
  expire: () => void
  /** Revealed at the first tick from `revealAt` on; null once revealed (or when there is nothing to reveal). */
  progress: ProgressReporter | null
  /** performance.now() time: Date.now() is whole milliseconds, which could reveal a send a millisecond early. */
  revealAt: number
}

/**
 * Total timeouts for all sends on one shared, unref'd interval instead of a timer per send: sends back to back
 * then cost no timer bookkeeping at all (part of the per-request overhead budget). A timeout fires within
 * TICK_MS after its limit; the interval stops once no send is left. The same tick reveals a send's progress once it
 * has run for the progress delay (progress.ts says why), within TICK_MS after it.
 */
export class Deadlines {
  private readonly entries = new Map<Cancellation, Entry>()
  private timer: NodeJS.Timeout | null = null

  add(cancellation: Cancellation, timeoutMs: number, expire: () => void, progress: ProgressReporter, progressDelayMs: number): void {
    const reveal = progress.waitsForReveal
    this.entries.set(cancellation, {
      at: Date.now() + timeoutMs,
      expire,
      progress: reveal ? progress : null,
      revealAt: reveal ? performance.now() + progressDelayMs : 0
    })
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
    const monotonicNow = performance.now()
    for (const [cancellation, entry] of this.entries) {
      if (entry.progress !== null && entry.revealAt <= monotonicNow) {
        entry.progress.reveal()
        entry.progress = null
      }
      if (entry.at > now) continue
      this.entries.delete(cancellation)
      entry.expire()
    }
  }
}
