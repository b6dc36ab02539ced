/**
 * One iterator run as one history entry: the run's first request, its last answer, and every page (or retried
 * answer) listed under it, instead of one history entry per page (a catch-up from a day back was 200 entries that
 * buried everything else). Written when the run ends, whatever the ending (done, cancelled, failed).
 */
import { MAX_RUN_PAGE_LOG, type IteratorPageLog, type IteratorRunLog } from '@shared/collections/history-entry'
import type { IteratorStart, IteratorSummary } from '@shared/iterator/iterator-model'
import { AppError, type AppErrorShape } from '@shared/model/errors'
import type { SendResult } from '@shared/model/response'
import type { HistoryInput } from '../history/build-entry'
import type { History } from '../history/history-client'
import type { PageOutcome } from './page-fetch'
import { pageSpec } from './page-fetch'

/** The first pages and the last ones are kept when a run has more than MAX_RUN_PAGE_LOG. */
const HEAD_PAGES = MAX_RUN_PAGE_LOG / 2

export class RunLog {
  private readonly startedAt = new Date()
  private readonly head: IteratorPageLog[] = []
  private tail: IteratorPageLog[] = []
  private omitted = 0
  private attempts = 0
  private firstOperation: string | null = null
  private firstUrl: string | null = null
  private last: SendResult | null = null
  private answer: SendResult | null = null
  private began = 0

  constructor(
    private readonly input: IteratorStart,
    private readonly history: Pick<History, 'record'> | undefined,
    private readonly secretValues: readonly string[]
  ) {}

  /** Call before each fetch. */
  begin(operation: string): void {
    this.firstOperation ??= operation
    this.answer = null
    this.began = performance.now()
  }

  /** The tenant answered (any status). */
  answered(result: SendResult): void {
    this.answer = result
    this.last = result
    this.firstUrl ??= result.requestEcho.url
  }

  /** The fetch's outcome; `note` says why it was retried. */
  outcome(operation: string, outcome: PageOutcome, note: string | null): void {
    const page = outcome.kind === 'page' ? outcome : null
    this.push({
      operation, outcome: outcome.kind, records: page ? page.records.length : null, bytes: page ? page.bytes : 0,
      timestampHwm: page ? page.hwm : null, waitTime: page ? page.waitTime : null, note
    })
  }

  /** The fetch threw: the run stops here. */
  failed(operation: string, error: unknown): void {
    this.push({ operation, outcome: 'failed', records: null, bytes: 0, timestampHwm: null, waitTime: null, note: messageOf(error) })
  }

  private push(fields: Pick<IteratorPageLog, 'operation' | 'outcome' | 'records' | 'bytes' | 'timestampHwm' | 'waitTime' | 'note'>): void {
    const entry: IteratorPageLog = {
      attempt: ++this.attempts, time: new Date().toISOString(), status: this.answer?.status ?? null,
      durationMs: Math.round(performance.now() - this.began), ...fields
    }
    if (this.head.length < HEAD_PAGES) return void this.head.push(entry)
    this.tail.push(entry)
    if (this.tail.length > MAX_RUN_PAGE_LOG - HEAD_PAGES) {
      this.tail = this.tail.slice(1)
      this.omitted++
    }
  }

  /** Records the run (a history failure is logged: it must not fail the run). */
  record(summary: IteratorSummary | null, error: unknown): void {
    if (!this.history) return
    this.history.record(this.toInput(summary, error)).catch((failure: unknown) => {
      console.error('[history] could not record an iterator run:', failure instanceof Error ? failure.message : 'unknown error')
    })
  }

  private toInput(summary: IteratorSummary | null, error: unknown): HistoryInput {
    const { input } = this
    const operation = this.firstOperation ?? String(input.operation)
    const pages = [...this.head, ...this.tail]
    const fetched = pages.filter((page) => page.outcome === 'page')
    const run: IteratorRunLog = {
      kind: 'iterator', runId: input.runId, endpoint: input.endpoint, index: input.index, mode: input.mode,
      startedAt: this.startedAt.toISOString(), stopReason: summary?.stopReason ?? 'failed',
      pages: summary?.pages ?? fetched.length, records: summary?.records ?? fetched.reduce((sum, page) => sum + (page.records ?? 0), 0),
      bytes: summary?.bytes ?? fetched.reduce((sum, page) => sum + page.bytes, 0),
      timestampHwm: summary?.timestampHwm ?? fetched.at(-1)?.timestampHwm ?? null,
      exportPath: summary?.exportPath ?? null, pageList: pages, pagesOmitted: this.omitted
    }
    const last = this.last
    const totalMs = Date.now() - this.startedAt.getTime()
    const failure = summary === null ? errorShape(error) : undefined
    return {
      spec: pageSpec(input.endpoint, input.index, operation),
      environmentId: input.environmentId,
      ...(this.firstUrl === null ? {} : { sentUrl: this.firstUrl }),
      ...(failure ? { error: failure } : {}),
      ...(last
        ? {
            result: {
              status: last.status, statusText: last.statusText, httpVersion: last.httpVersion, contentType: last.contentType,
              sizes: { wireBytes: last.sizes.wireBytes, decodedBytes: run.bytes || last.sizes.decodedBytes, headerBytes: last.sizes.headerBytes },
              headers: last.headers,
              // A page's body is records (in the export file and the viewer); an error answer's body is its reason.
              preview: last.status === 200 ? { text: '', truncated: false, binary: false } : last.preview,
              timings: { totalMs }, requestEcho: { url: this.firstUrl ?? last.requestEcho.url }
            }
          }
        : {}),
      finishedAt: Date.now(),
      secretValues: this.secretValues,
      run
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'The page request failed.'
}

function errorShape(error: unknown): AppErrorShape {
  return error instanceof AppError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: messageOf(error) }
}
