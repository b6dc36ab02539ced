/** Counters and progress events of one iterator run, plus an abortable sleep. */
import type { IteratorProgress } from '@shared/iterator/iterator-model'
import type { PageRecords } from './page-records'
import type { CancelSignal } from '../runs/run-signal'

export class RunStats {
  pages = 0
  records = 0
  bytes = 0
  hwm: number | null = null
  private readonly startedAt = Date.now()

  constructor(
    private readonly runId: string,
    private readonly endTime: number | null,
    /** Start of the time range: the epoch operation, else the first record's timestamp. */
    private rangeStart: number | null,
    private readonly onProgress?: (progress: IteratorProgress) => void
  ) {}

  page(records: PageRecords, bytes: number, hwm: number | null): void {
    this.pages += 1
    this.records += records.length
    this.bytes += bytes
    this.hwm = hwm
    if (this.rangeStart === null && records.length > 0) {
      const first = records.first(1)[0]?.timestamp
      if (typeof first === 'number') this.rangeStart = first
    }
  }

  fraction(): number | null {
    if (this.endTime === null || this.rangeStart === null || this.hwm === null) return null
    const span = this.endTime - this.rangeStart
    if (span <= 0) return 1
    return Math.min(1, Math.max(0, (this.hwm - this.rangeStart) / span))
  }

  emit(phase: IteratorProgress['phase'], detail: string | null): void {
    if (!this.onProgress) return
    const seconds = (Date.now() - this.startedAt) / 1000
    this.onProgress({
      runId: this.runId, phase, detail, pages: this.pages, records: this.records, bytes: this.bytes,
      recordsPerSecond: seconds > 0 ? this.records / seconds : 0, timestampHwm: this.hwm,
      fraction: phase === 'done' && detail === 'end-time' ? 1 : this.fraction()
    })
  }
}

/** Resolves after `ms`, or at once when the signal aborts (the caller then checks `signal.aborted`). */
export function sleep(ms: number, signal: CancelSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
