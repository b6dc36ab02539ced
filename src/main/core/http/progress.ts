import { performance } from 'node:perf_hooks'
import type { Progress } from './types'

const MIN_INTERVAL_MS = 100

/** Forwards progress with phase changes at once and byte counts at most ~10 times a second. */
export class ProgressReporter {
  private phase: Progress['phase'] | null = null
  private lastAt = 0
  private received = 0
  private total: number | null = null

  constructor(private readonly listener: ((progress: Progress) => void) | undefined) {}

  setPhase(phase: Progress['phase']): void {
    if (!this.listener || phase === this.phase) return
    this.phase = phase
    this.emit()
  }

  startBody(totalBytes: number | null): void {
    this.received = 0
    this.total = totalBytes
    this.phase = null
    this.setPhase('receiving')
  }

  /** `receivedBytes` counts wire bytes, comparable with Content-Length. */
  bytes(receivedBytes: number): void {
    if (!this.listener) return
    this.received = receivedBytes
    const now = performance.now()
    if (now - this.lastAt >= MIN_INTERVAL_MS) this.emit(now)
  }

  private emit(now = performance.now()): void {
    this.lastAt = now
    const phase = this.phase ?? 'connecting'
    try {
      this.listener?.({ phase, receivedBytes: this.received, totalBytes: this.total })
    } catch {
      // A failing listener (e.g. a closed window) must not fail the request.
    }
  }
}
