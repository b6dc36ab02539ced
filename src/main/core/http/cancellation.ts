import type { AppError } from '@shared/model/errors'

/**
 * Cancel state of one send: user cancel, total timeout and engine shutdown all end here with the AppError to
 * report. A plain object rather than an AbortController: it is created for every send, and EventTarget-based
 * signals cost several microseconds each, which counts against the per-request overhead budget. It is the engine's
 * own state, not a second run signal: a run's RunSignal (src/main/core/runs/run-signal.ts), the timeout and
 * shutdown all feed it, and it alone knows which AppError ends the send and when the send has settled.
 */
export class Cancellation {
  reason: AppError | null = null
  private listener: ((reason: AppError) => void) | null = null

  cancel(reason: AppError): void {
    if (this.reason) return
    this.reason = reason
    const listener = this.listener
    this.listener = null
    listener?.(reason)
  }

  /** The single current listener (the hop in flight); null to detach. */
  onCancel(listener: ((reason: AppError) => void) | null): void {
    this.listener = listener
  }

  private over = false
  private waiters: (() => void)[] | null = null

  /** The send has finished (its partial body, if any, is deleted). */
  settle(): void {
    this.over = true
    for (const waiter of this.waiters ?? []) waiter()
    this.waiters = null
  }

  /** For engine shutdown: resolves once the send has settled. Created only when asked, not per send. */
  whenSettled(): Promise<void> {
    if (this.over) return Promise.resolve()
    return new Promise((resolve) => (this.waiters ??= []).push(resolve))
  }
}
