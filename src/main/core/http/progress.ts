import { performance } from 'node:perf_hooks'
import type { Progress } from './engine-contract'

const MIN_INTERVAL_MS = 100

/** How long a send runs before its progress is shown (EngineConfig.progressDelayMs); in-flight.ts's tick reveals it. */
export const PROGRESS_DELAY_MS = 50

/**
 * Forwards a send's progress once it is revealed: the current phase at once, then phase changes at once and byte
 * counts at most ~10 times a second. Until then it only keeps count. Sends that finish within the progress delay
 * (most API calls) so emit nothing: in the app each event is an IPC message and a re-render of the request bar, for
 * phases that would be on screen for less than a frame.
 */
export class ProgressReporter {
  private phase: Progress['phase'] | null = null
  private lastAt = 0
  private received = 0
  private total: number | null = null

  constructor(
    private readonly listener: ((progress: Progress) => void) | undefined,
    private revealed: boolean
  ) {}

  /** True when reveal() has something to do: a listener that has not been shown anything yet. */
  get waitsForReveal(): boolean {
    return this.listener !== undefined && !this.revealed
  }

  reveal(): void {
    if (!this.waitsForReveal) return
    this.revealed = true
    this.emit()
  }

  setPhase(phase: Progress['phase']): void {
    if (!this.listener || phase === this.phase) return
    this.phase = phase
    if (this.revealed) this.emit()
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
    if (!this.revealed) return
    const now = performance.now()
    if (now - this.lastAt >= MIN_INTERVAL_MS) this.emit(now)
  }

  private emit(now = performance.now()): void {
    this.lastAt = now
    // Revealed before the first phase: the body is still being prepared, which is part of connecting for the user.
    const phase = this.phase ?? 'connecting'
    try {
      this.listener?.({ phase, receivedBytes: this.received, totalBytes: this.total })
    } catch {
      // A failing listener (e.g. a closed window) must not fail the request.
    }
  }
}
