import { performance } from 'node:perf_hooks'
import type { Cancellation } from './cancellation'
import type { ProgressReporter } from './progress'

const TICK_MS = 50

interface Entry {
  /** Date.now() time at which the total timeout expires. */
  at: number
  expire: () => void
  /** Revealed at the first tick from `revealAt` on; null once revealed (or when there is nothing to reveal). */
  progress: ProgressReporter | null
  /** performance.now() time: Date.now() is whole milliseconds, which could reveal a send a millisecond early. */
  revealAt: number
}

/**
 * The engine's sends in flight (cancelled when it closes) with their total timeouts, in one map: a set of sends
 * plus a map of deadlines cost two hash inserts and deletes per send. Timeouts run on one shared, unref'd interval
 * instead of a timer per send, so sends back to back cost no timer bookkeeping (part of the per-request overhead
 * budget); a timeout fires within TICK_MS after its limit, and the interval stops once no send is left. The same tick
 * reveals a send's progress once it has run for the progress delay (progress.ts says why), within TICK_MS after it.
 */
export class SendsInFlight {
  private readonly sends = new Map<Cancellation, Entry>()
  private timer: NodeJS.Timeout | null = null
  private closed = false

  /** A send's progress is shown once it has run this long (0: from the start); see progress.ts. */
  constructor(readonly progressDelayMs: number) {}

  /** True once close() has run: the engine takes no more sends. */
  get isClosed(): boolean {
    return this.closed
  }

  add(cancellation: Cancellation, timeoutMs: number, expire: () => void, progress: ProgressReporter): void {
    const reveal = progress.waitsForReveal
    this.sends.set(cancellation, {
      at: Date.now() + timeoutMs,
      expire,
      progress: reveal ? progress : null,
      revealAt: reveal ? performance.now() + this.progressDelayMs : 0
    })
    if (this.timer === null) {
      this.timer = setInterval(() => this.check(), TICK_MS)
      this.timer.unref()
    }
  }

  remove(cancellation: Cancellation): void {
    this.sends.delete(cancellation)
  }

  /** For engine shutdown: takes no more sends and returns the ones in flight, for the engine to cancel. */
  close(): Cancellation[] {
    this.closed = true
    return [...this.sends.keys()]
  }

  private check(): void {
    if (this.sends.size === 0) {
      if (this.timer !== null) clearInterval(this.timer)
      this.timer = null
      return
    }
    const now = Date.now()
    const monotonicNow = performance.now()
    for (const entry of this.sends.values()) {
      if (entry.progress !== null && entry.revealAt <= monotonicNow) {
        entry.progress.reveal()
        entry.progress = null
      }
      if (entry.at > now) continue
      entry.at = Number.POSITIVE_INFINITY // expired once; the send removes itself when it ends
      entry.expire()
    }
  }
}
