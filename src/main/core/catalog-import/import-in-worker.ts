import { Worker } from 'node:worker_threads'
import { AppError, type AppErrorShape } from '@shared/model/errors'
import type { WorkerSource } from '../history/history-client'
import type { ImportedFile } from './import-file'
import type { CancelSignal } from '../runs/run-signal'

export type ImportWorkerReply = { ok: true; file: ImportedFile } | { ok: false; error: AppErrorShape }

const cancelled = (): AppError => new AppError('CANCELLED', 'The import was cancelled.')

/**
 * Imports one file in its own worker thread (import-worker.ts) and resolves with what it made. Aborting `signal`
 * terminates the worker at once, wherever it is (a synchronous inlining loop cannot check a signal itself).
 */
export function importInWorker(source: WorkerSource, path: string, signal?: CancelSignal): Promise<ImportedFile> {
  if (signal?.aborted) return Promise.reject(cancelled())
  return new Promise<ImportedFile>((resolve, reject) => {
    const worker = new Worker(source.file, { workerData: { ...source.workerData, path } })
    let settled = false
    const settle = (outcome: () => void): void => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      outcome()
    }
    const onAbort = (): void => settle(() => reject(cancelled()))
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.once('message', (reply: ImportWorkerReply) =>
      settle(() => (reply.ok ? resolve(reply.file) : reject(new AppError(reply.error.code, reply.error.message, reply.error.hint))))
    )
    worker.once('error', (error) => settle(() => reject(new AppError('INTERNAL', `The import worker failed: ${error.message}`))))
    worker.once('exit', (code) => settle(() => reject(new AppError('INTERNAL', `The import worker stopped (exit code ${code}) before it answered.`))))
  })
}
