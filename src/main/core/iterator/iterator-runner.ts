/**
 * The Data Export iterator runner: pages a Netskope dataexport endpoint the way Cloud Exchange does, in one of
 * three modes (one page, until caught up, follow), streams records to an export sink, saves the position after
 * every page, and can be cancelled at any moment. Waits: wait_time between pages, Retry-After on 429, back-off
 * on 409 and 5xx; a body broken mid-stream is fetched again with `resend`. 401/403 and other 4xx stop the run.
 */
import { AppError } from '@shared/model/errors'
import {
  iteratorAvailability, type IteratorPagePreview, type IteratorProgress, type IteratorSavedState, type IteratorStart,
  type IteratorSummary
} from '@shared/iterator/iterator-model'
import type { HttpEngine } from '../http/engine-contract'
import type { RequestRunner } from '../request-runner'
import { credentialValues } from '../auth/credential-values'
import { maskRecords } from '../result-masking'
import type { EnvironmentRepository } from '../environments'
import { secretKey, type Vault } from '../vault/vault'
import { openExportSink, type ExportSink } from './export-sink'
import type { PageRecords } from './page-records'
import { fetchPage, type PageOutcome } from './page-fetch'
import type { IteratorStateStore } from './iterator-state'
import { RunStats, sleep } from './run-stats'
import { RunLog } from './run-log'
import type { History } from '../history/history-client'
import { probeScopes } from './scope-probe'
import { RunRegistry } from '../runs/run-registry'
import type { CancelSignal } from '../runs/run-signal'
import type { ScopeProbeResult } from '@shared/iterator/scope-plan'

export interface IteratorListeners {
  onProgress?: (progress: IteratorProgress) => void
  onPage?: (preview: IteratorPagePreview) => void
}

export interface IteratorRunner {
  start(input: IteratorStart, listeners?: IteratorListeners): Promise<IteratorSummary>
  /** True if a run with this id was going and is now being stopped. */
  cancel(runId: string): boolean
  cancelAll(): void
  states(): IteratorSavedState[]
  /** Whether the environment may use the iterator (Netskope profile with a v2 token in the vault). */
  availability(environmentId: string): { available: boolean; reason: string | null }
  /** Records an export path the user chose in main's save dialog; the IPC layer accepts only such paths. */
  grantExportPath(path: string): void
  isExportPathGranted(path: string): boolean
  /** Token scope checker: one read-only GET per scope path with the environment's v2 token (never a write). */
  checkScopes(environmentId: string, paths: readonly string[]): Promise<ScopeProbeResult[]>
}

export interface IteratorDeps {
  requests: RequestRunner
  engine: HttpEngine
  environments: EnvironmentRepository
  vault: Vault
  states: IteratorStateStore
  /** Each run is recorded once, with its pages (run-log.ts); optional so engine-level tests can leave it out. */
  history?: Pick<History, 'record'>
}

/** Records of each page sent to the viewer; the rest stay in main (and in the export file). */
export const PREVIEW_RECORDS = 50
/** Netskope pages hold up to 10,000 records. */
const FULL_PAGE = 10_000
const MAX_CONFLICT_RETRIES = 8
const MAX_SERVER_RETRIES = 5
const MAX_RESENDS = 3
/** Follow mode polls at least this often apart when a page is empty and the server says wait 0. */
const FOLLOW_MIN_WAIT_S = 1

const backoffSeconds = (attempt: number): number => Math.min(2 ** (attempt - 1), 30)

/** Why an answer was retried, for the run's page list in history. */
function retryNote(outcome: Exclude<PageOutcome, { kind: 'page' }>): string {
  switch (outcome.kind) {
    case 'rate-limited':
      return `Rate limited (HTTP 429): retried after ${outcome.seconds} s.`
    case 'conflict':
      return 'Another pull held this index (HTTP 409): retried.'
    case 'server-error':
      return `Server error (HTTP ${outcome.status}): ${outcome.message}`
    case 'broken':
      return `The page broke off (${outcome.message}): fetched again with resend.`
  }
}

export function createIteratorRunner(deps: IteratorDeps): IteratorRunner {
  const runs = new RunRegistry((runId) => `An iterator run with id "${runId}" is already going.`)
  const grantedPaths = new Set<string>()

  function firstOperation(input: IteratorStart): string {
    if (input.operation !== 'resume') return String(input.operation)
    const saved = deps.states.get(input.environmentId, input.endpoint, input.index)
    if (saved?.timestampHwm == null) {
      throw new AppError('INVALID_INPUT', `There is no saved position for ${input.endpoint} with index ${input.index} to resume from.`,
        'Start with next, head, tail or a date instead.')
    }
    return String(saved.timestampHwm + 1)
  }

  async function run(input: IteratorStart, signal: CancelSignal, listeners: IteratorListeners): Promise<IteratorSummary> {
    const environment = deps.environments.get(input.environmentId)
    const availability = iteratorAvailability(environment, deps.vault.has(secretKey(environment.id, 'v2Token')))
    // A page may echo the token (a misbehaving proxy, a test tenant): the records the viewer gets are masked.
    const secretValues = await credentialValues(deps.vault, environment).catch(() => [])
    if (!availability.available) throw new AppError('INVALID_INPUT', availability.reason)
    let operation = firstOperation(input)
    const log = new RunLog(input, deps.history, secretValues)
    const saved = deps.states.get(input.environmentId, input.endpoint, input.index)
    const stats = new RunStats(input.runId, input.endTime ?? null, /^\d+$/.test(operation) ? Number(operation) : null, listeners.onProgress)
    // The stop rule compares with the hwm before this run only when resuming; a fresh run needs one page first.
    let previousHwm = input.operation === 'resume' ? (saved?.timestampHwm ?? null) : null
    const notes: string[] = []
    let sink: ExportSink | null = input.export ? await openExportSink(input.export.format, input.export.path) : null
    let conflicts = 0
    let serverErrors = 0
    let resends = 0
    let attempt = 0
    // A page is written to the export and its position saved while the next page downloads (operation=next only
    // needs the previous page received, not written). Pages alternate between two split buffers, so the one being
    // written is never the one being filled; a page's commit is awaited before its buffer comes round again.
    const scratches: Array<{ buffer: Buffer | null }> = [{ buffer: null }, { buffer: null }]
    let committing: Promise<void> | null = null
    const settle = async (): Promise<void> => {
      const pending = committing
      committing = null
      await pending
    }
    const commit = async (records: PageRecords, hwm: number | null): Promise<void> => {
      if (sink) await sink.write(records)
      await deps.states.save({ environmentId: environment.id, endpoint: input.endpoint, index: input.index, timestampHwm: hwm })
    }
    const wait = async (seconds: number, detail: string): Promise<void> => {
      stats.emit('waiting', detail)
      await sleep(seconds * 1000, signal)
    }
    try {
      for (;;) {
        if (signal.aborted) break
        stats.emit('fetching', null)
        log.begin(operation)
        const outcome = await fetchPage(deps, {
          pageRunId: `${input.runId}#${++attempt}`, environmentId: environment.id, endpoint: input.endpoint,
          index: input.index, operation, signal, scratch: scratches[stats.pages % 2], onAnswer: (result) => log.answered(result)
        }).catch((error: unknown) => {
          log.failed(operation, error)
          throw error
        })
        log.outcome(operation, outcome, outcome.kind === 'page' ? null : retryNote(outcome))
        if (outcome.kind === 'rate-limited') {
          await wait(outcome.seconds, `Rate limited (HTTP 429): waiting ${outcome.seconds} s as Retry-After asks.`)
          continue
        }
        if (outcome.kind === 'conflict') {
          if (++conflicts > MAX_CONFLICT_RETRIES) {
            throw new AppError('INVALID_INPUT', `Another consumer keeps pulling ${input.endpoint} with index ${input.index} (HTTP 409 ${conflicts - 1} times).`,
              'Use an index of your own: two consumers on one index each miss data.')
          }
          const seconds = outcome.seconds ?? backoffSeconds(conflicts)
          await wait(seconds, `Another pull holds this index (HTTP 409): retrying in ${seconds} s.`)
          continue
        }
        if (outcome.kind === 'server-error') {
          if (++serverErrors > MAX_SERVER_RETRIES) {
            throw new AppError('NETWORK_ERROR', `The tenant kept failing on ${input.endpoint} (HTTP ${outcome.status}: ${outcome.message}).`)
          }
          const seconds = backoffSeconds(serverErrors) * 2
          await wait(seconds, `Server error (HTTP ${outcome.status}): retrying in ${seconds} s.`)
          continue
        }
        if (outcome.kind === 'broken') {
          if (++resends > MAX_RESENDS) throw new AppError('NETWORK_ERROR', `A page of ${input.endpoint} kept breaking off: ${outcome.message}.`)
          notes.push(`A page broke off (${outcome.message}); it was fetched again with resend.`)
          operation = 'resend'
          continue
        }
        conflicts = 0
        serverErrors = 0
        resends = 0
        const { records } = outcome
        const hwm = outcome.hwm ?? previousHwm
        stats.page(records, outcome.bytes, hwm)
        listeners.onPage?.({
          runId: input.runId, page: stats.pages, totalRecords: records.length,
          records: maskRecords(records.first(PREVIEW_RECORDS), secretValues), timestampHwm: hwm, waitTime: outcome.waitTime
        })
        await settle() // the previous page is written and saved (a write error surfaces here)
        committing = commit(records, hwm)
        // Marks the rejection handled until settle() awaits it; settle() still throws it.
        committing.catch(() => undefined)
        if (input.mode === 'one-page') return await finish('one-page')
        if (input.endTime !== undefined && hwm !== null && hwm > input.endTime) return await finish('end-time')
        const stalled = records.length === 0 && (hwm === null || hwm === previousHwm)
        // On a live tenant new records keep trickling in, so "empty and hwm unchanged" may never come: a short page
        // that comes with a wait_time is the server saying we are at the head, which is caught up too.
        const atHead = records.length > 0 && records.length < FULL_PAGE && (outcome.waitTime ?? 0) > 0
        if (input.mode === 'until-caught-up' && (stalled || atHead)) return await finish('caught-up')
        previousHwm = hwm
        operation = 'next'
        const waitTime = outcome.waitTime ?? 0
        const seconds = input.mode === 'follow' && records.length === 0 ? Math.max(waitTime, FOLLOW_MIN_WAIT_S) : waitTime
        if (seconds > 0) await wait(seconds, `Waiting ${seconds} s (wait_time from the tenant).`)
      }
      return await finish('cancelled')
    } catch (error) {
      if (signal.aborted) return await finish('cancelled')
      await settle().catch(() => undefined)
      await sink?.abort()
      sink = null
      log.record(null, error)
      throw error
    }

    async function finish(reason: IteratorSummary['stopReason']): Promise<IteratorSummary> {
      let exportPath: string | null = null
      if (reason === 'cancelled') await settle().catch(() => undefined)
      else await settle()
      if (sink && reason === 'cancelled') {
        await sink.abort()
        notes.push('Cancelled: the export file was not written (nothing partial is left).')
      } else if (sink) {
        await sink.finish()
        exportPath = sink.path
      }
      sink = null
      const summary: IteratorSummary = { runId: input.runId, stopReason: reason, pages: stats.pages, records: stats.records, bytes: stats.bytes,
        timestampHwm: stats.hwm, exportPath, notes }
      // Recorded before "done" is reported: a history search the renderer makes on "done" comes after it.
      log.record(summary, null)
      stats.emit('done', reason)
      return summary
    }
  }

  return {
    async start(input, listeners = {}) {
      const signal = runs.start(input.runId)
      try {
        return await run(input, signal, listeners)
      } finally {
        runs.finish(input.runId, signal)
      }
    },
    cancel: (runId) => runs.cancel(runId),
    cancelAll: () => runs.cancelAll(),
    states: () => deps.states.list(),
    availability(environmentId) {
      const environment = deps.environments.get(environmentId)
      const result = iteratorAvailability(environment, deps.vault.has(secretKey(environment.id, 'v2Token')))
      return result.available ? { available: true, reason: null } : { available: false, reason: result.reason }
    },
    grantExportPath: (path) => void grantedPaths.add(path),
    isExportPathGranted: (path) => grantedPaths.has(path),
    checkScopes: (environmentId, paths) => probeScopes(deps, environmentId, paths)
  }
}
