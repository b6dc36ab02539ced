import type { Cancellation } from './cancellation'
import type { ProgressReporter } from './progress'

/** A send's timers: its total timeout, and the reveal of its progress (null when there is nothing to reveal). */
interface Timers {
  timeout: NodeJS.Timeout
  reveal: NodeJS.Timeout | null
}

/**
 * The engine's sends in flight (cancelled when it closes), each with a timer for its total timeout and one that
 * reveals its progress once it has run for the progress delay (progress.ts says why). Plain per-send timers: a shared
 * interval saved about half a microsecond per send against a budget of 60 (bench/README.md, "Simplified").
 */
export class SendsInFlight {
  private readonly sends = new Map<Cancellation, Timers>()
  private closed = false

  /** A send's progress is shown once it has run this long (0: from the start); see progress.ts. */
  constructor(readonly progressDelayMs: number) {}

  /** True once close() has run: the engine takes no more sends. */
  get isClosed(): boolean {
    return this.closed
  }

  add(cancellation: Cancellation, timeoutMs: number, expire: () => void, progress: ProgressReporter): void {
    const timeout = setTimeout(expire, timeoutMs)
    const reveal = progress.waitsForReveal ? setTimeout(() => progress.reveal(), this.progressDelayMs) : null
    // Neither keeps the process alive: a send in flight does that through its socket.
    timeout.unref()
    reveal?.unref()
    this.sends.set(cancellation, { timeout, reveal })
  }

  remove(cancellation: Cancellation): void {
    const timers = this.sends.get(cancellation)
    if (!timers) return
    clearTimeout(timers.timeout)
    if (timers.reveal) clearTimeout(timers.reveal)
    this.sends.delete(cancellation)
  }

  /** For engine shutdown: takes no more sends and returns the ones in flight, for the engine to cancel. */
  close(): Cancellation[] {
    this.closed = true
    return [...this.sends.keys()]
  }
}
