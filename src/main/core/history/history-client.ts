import { Worker } from 'node:worker_threads'
import type { HistoryEntry, HistoryPage, HistoryQuery } from '@shared/collections/history-entry'
import { AppError, type AppErrorShape } from '@shared/model/errors'
import { slimHistoryInput, type HistoryInput } from './build-entry'
import type { HistoryStats, HistoryStore } from './history-store'

/** What the rest of main uses of history: the in-thread HistoryStore and the worker-backed HistoryClient alike. */
export type History = Pick<HistoryStore, 'add' | 'record' | 'search' | 'get' | 'clear' | 'stats' | 'close'>

/** Where the history worker's code is: the built history-worker.js, or (from source) a loader plus the .ts entry. */
export interface WorkerSource {
  file: URL
  /** Passed to the worker along with `dir` (a source loader reads its entry from here). */
  workerData?: Record<string, unknown>
}

export type HistoryCall = { id: number } & (
  | { method: 'record'; input: HistoryInput }
  | { method: 'search'; query: HistoryQuery }
  | { method: 'get'; entryId: string }
  | { method: 'clear' | 'stats' | 'close' }
)
export type HistoryToWorker = { kind: 'add'; inputs: HistoryInput[] } | ({ kind: 'call' } & HistoryCall)
export type HistoryReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppErrorShape }

/** Sends queued by add() go to the worker together, at most this often (one postMessage per burst, not per send). */
const POST_INTERVAL_MS = 10

type CallSpec = HistoryCall extends infer C ? (C extends HistoryCall ? Omit<C, 'id'> : never) : never

/**
 * History in a worker thread (history-worker.ts). The send path's add() only slims the input and queues it; the
 * queue is posted every POST_INTERVAL_MS. Every call posts what is queued first, so the worker sees sends and
 * calls in the order they were made (a search right after a send finds it). A crash can lose the sends of the last
 * POST_INTERVAL_MS plus the worker's own write window, as with the in-thread store's batching.
 */
export class HistoryClient implements History {
  private queued: HistoryInput[] = []
  private timer: NodeJS.Timeout | null = null
  private readonly calls = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>()
  private nextId = 1
  private failure: Error | null = null

  constructor(private readonly worker: Worker) {
    worker.unref() // only calls in flight keep the process alive (see call())
    worker.on('message', (reply: HistoryReply) => this.settle(reply))
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', () => this.fail(new Error('The history worker stopped.')))
  }

  add(input: HistoryInput): void {
    if (this.failure) return
    this.queued.push(slimHistoryInput(input))
    this.timer ??= setTimeout(() => this.postQueued(), POST_INTERVAL_MS)
  }

  record(input: HistoryInput): Promise<HistoryEntry> {
    return this.call({ method: 'record', input: slimHistoryInput(input) }) as Promise<HistoryEntry>
  }

  search(query: HistoryQuery = {}): Promise<HistoryPage> {
    return this.call({ method: 'search', query }) as Promise<HistoryPage>
  }

  get(entryId: string): Promise<HistoryEntry> {
    return this.call({ method: 'get', entryId }) as Promise<HistoryEntry>
  }

  async clear(): Promise<void> {
    await this.call({ method: 'clear' })
  }

  stats(): Promise<HistoryStats> {
    return this.call({ method: 'stats' }) as Promise<HistoryStats>
  }

  /** Writes everything sent so far, then stops the worker. */
  async close(): Promise<void> {
    if (this.failure) return
    await this.call({ method: 'close' })
    this.failure = new Error('History is closed.')
    await this.worker.terminate()
  }

  private postQueued(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.queued.length === 0) return
    this.worker.postMessage({ kind: 'add', inputs: this.queued } satisfies HistoryToWorker)
    this.queued = []
  }

  private call(spec: CallSpec): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure)
    this.postQueued()
    const id = this.nextId++
    const message = { kind: 'call', id, ...spec } as HistoryToWorker
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject })
      this.worker.ref()
      this.worker.postMessage(message)
    })
  }

  private settle(reply: HistoryReply): void {
    const call = this.calls.get(reply.id)
    if (!call) return
    this.calls.delete(reply.id)
    if (this.calls.size === 0) this.worker.unref()
    if (reply.ok) call.resolve(reply.value)
    else call.reject(new AppError(reply.error.code, reply.error.message, reply.error.hint))
  }

  private fail(error: Error): void {
    if (this.failure === null) console.error('[history] the history worker failed; sends are no longer recorded:', error.message)
    this.failure ??= error
    for (const call of this.calls.values()) call.reject(error)
    this.calls.clear()
  }
}

/** Starts the history worker for the folder `dir`. */
export function startHistoryWorker(dir: string, source: WorkerSource): HistoryClient {
  return new HistoryClient(new Worker(source.file, { workerData: { ...source.workerData, dir } }))
}
