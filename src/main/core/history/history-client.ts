import { Worker } from 'node:worker_threads'
import type { HistoryEntry, HistoryPage, HistoryQuery } from '@shared/collections/history-entry'
import { AppError, type AppErrorShape } from '@shared/model/errors'
import { slimHistoryInput, type HistoryInput } from './build-entry'
import { decodeHistoryBatch, HistoryBatchWriter } from './handoff-codec'
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
/** 'add' carries sends as HistoryBatchWriter bytes (handoff-codec.ts). */
export type HistoryToWorker = { kind: 'add'; batch: Uint8Array } | ({ kind: 'call' } & HistoryCall)
export type HistoryReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppErrorShape }
/** A reply to a call, or the receipt for one 'add' batch (handed to the store, in order). */
export type HistoryFromWorker = ({ kind: 'reply' } & HistoryReply) | { kind: 'added' }

/**
 * Sends queued by add() go to the worker together, at most this often (one postMessage per burst, not per send). Each
 * post wakes the worker; at 10 ms, posting still cost ~0.5 µs per loopback send (bench/engine-overhead.ts), and one
 * post per send (plain objects, structured-cloned) ~80 µs more (bench/README.md, "Simplified").
 */
const POST_INTERVAL_MS = 50

type CallSpec = HistoryCall extends infer C ? (C extends HistoryCall ? Omit<C, 'id'> : never) : never

/** Runs one call on a History (the worker runs calls on its store with this; the client on its fallback). */
export function runCall(history: History, call: CallSpec): Promise<unknown> {
  switch (call.method) {
    case 'record':
      return history.record(call.input)
    case 'search':
      return history.search(call.query)
    case 'get':
      return history.get(call.entryId)
    case 'clear':
      return history.clear()
    case 'stats':
      return history.stats()
    case 'close':
      return history.close()
  }
}

interface PendingCall {
  spec: CallSpec
  resolve(value: unknown): void
  reject(error: unknown): void
}

/**
 * History in a worker thread (history-worker.ts). The send path's add() writes the send into a byte batch
 * (handoff-codec.ts), posted every POST_INTERVAL_MS. Every call posts what is queued first, so the worker sees sends and
 * calls in the order they were made (a search right after a send finds it). A crash can lose the sends of the last
 * POST_INTERVAL_MS plus the worker's own write window, as with the in-thread store's batching. If the worker fails
 * (it cannot start, or dies), history carries on in this thread (`fallback`): calls in flight are re-run there.
 */
export class HistoryClient implements History {
  /** Sends waiting for the next post. */
  private batch = new HistoryBatchWriter()
  /** Batches posted but not yet receipted: re-added in this thread if the worker dies before taking them. */
  private unconfirmed: Uint8Array[] = []
  private timer: NodeJS.Timeout | null = null
  private readonly calls = new Map<number, PendingCall>()
  private nextId = 1
  private closed = false
  private inThread: History | null = null

  constructor(
    private readonly worker: Worker,
    private readonly fallback: () => History
  ) {
    worker.unref() // only calls in flight keep the process alive (see call())
    worker.on('message', (message: HistoryFromWorker) => {
      if (message.kind === 'added') this.unconfirmed.shift()
      else this.settle(message)
    })
    worker.on('error', (error) => this.fail(error))
    worker.on('exit', () => this.fail(new Error('The history worker stopped.')))
  }

  add(input: HistoryInput): void {
    if (this.closed) return
    if (this.inThread) return this.inThread.add(input)
    try {
      this.batch.add(input, input.finishedAt ?? Date.now())
    } catch (error) {
      console.error('[history] could not record a send:', error instanceof Error ? error.message : 'unknown error')
      return
    }
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
    if (this.closed) return
    await this.call({ method: 'close' })
    this.closed = true
    if (!this.inThread) await this.worker.terminate()
  }

  private postQueued(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const batch = this.inThread ? null : this.batch.take()
    if (batch === null) return
    this.worker.postMessage({ kind: 'add', batch } satisfies HistoryToWorker)
    this.unconfirmed.push(batch)
  }

  private call(spec: CallSpec): Promise<unknown> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', 'History is closed.'))
    if (this.inThread) return runCall(this.inThread, spec)
    this.postQueued()
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.calls.set(id, { spec, resolve, reject })
      this.worker.ref()
      this.worker.postMessage({ kind: 'call', id, ...spec } as HistoryToWorker)
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

  /** The worker is gone (not by close()): carry on in this thread with what was queued and what was asked. */
  private fail(error: Error): void {
    if (this.closed || this.inThread) return
    console.error('[history] the history worker failed; history carries on in the main thread:', error.message)
    const history = (this.inThread = this.fallback())
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const batches = [...this.unconfirmed.splice(0), this.batch.take() ?? new Uint8Array()]
    for (const batch of batches) for (const input of decodeHistoryBatch(batch)) history.add(input)
    const calls = [...this.calls.values()]
    this.calls.clear()
    for (const call of calls) runCall(history, call.spec).then(call.resolve, call.reject)
  }
}

/** Starts the history worker for the folder `dir`; `fallback` is used if the worker fails. */
export function startHistoryWorker(dir: string, source: WorkerSource, fallback: () => History): HistoryClient {
  return new HistoryClient(new Worker(source.file, { workerData: { ...source.workerData, dir } }), fallback)
}
