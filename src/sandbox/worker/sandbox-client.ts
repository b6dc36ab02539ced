import { Worker } from 'node:worker_threads'
import { AppError } from '../../shared/model/errors'
import type { RunningSandbox } from '../types'
import type { SandboxFromWorker, SandboxToWorker, SandboxWorkerData, SandboxWorkerOptions } from './protocol'

/** Where the worker's code is: the built sandbox-worker.js (the app), or a source loader (scripts/worker-source.ts). */
export interface SandboxWorkerSource {
  file: URL
  /** Passed to the worker along with the options (a source loader reads its entry from here). */
  workerData?: Record<string, unknown>
}

/** How long close() waits for the worker to close its listeners before it is terminated. */
const STOP_GRACE_MS = 3_000

/**
 * Starts the sandbox in a worker thread (sandbox-worker.ts) and resolves once its listeners are up, with the same
 * RunningSandbox the in-thread startSandbox gives. Rejects if the worker cannot start; `onStopped` hears of a worker
 * that dies after that (its listeners are then gone with it).
 */
export function startSandboxWorker(
  options: SandboxWorkerOptions,
  source: SandboxWorkerSource,
  onStopped: (message: string) => void = () => undefined
): Promise<RunningSandbox> {
  const workerData: SandboxWorkerData & Record<string, unknown> = { ...source.workerData, options }
  const worker = new Worker(source.file, { workerData })
  let state: 'starting' | 'running' | 'closing' | 'gone' = 'starting'
  let closed: Promise<void> | null = null
  let stopped: () => void = () => undefined

  return new Promise((resolve, reject) => {
    const gone = (why: string): void => {
      const was = state
      state = 'gone'
      stopped()
      if (was === 'starting') reject(new AppError('INTERNAL', `The sandbox worker could not start: ${why}`))
      if (was === 'running') onStopped(`The built-in sandbox stopped unexpectedly (${why}); restart the app to get it back.`)
    }
    const close = (): Promise<void> => {
      closed ??= (async () => {
        if (state === 'running') {
          state = 'closing'
          worker.ref() // until it has stopped: a caller awaiting close() keeps the process alive
          await new Promise<void>((done) => {
            stopped = done
            setTimeout(done, STOP_GRACE_MS).unref()
            worker.postMessage({ kind: 'stop' } satisfies SandboxToWorker)
          })
        }
        await worker.terminate()
      })()
      return closed
    }
    worker.on('message', (message: SandboxFromWorker) => {
      if (message.kind === 'ready' && state === 'starting') {
        state = 'running'
        // Its listeners must not keep the process alive on their own: the app stops it with close().
        worker.unref()
        resolve({ ...message.sandbox, close })
      } else if (message.kind === 'failed' && state === 'starting') {
        state = 'gone'
        reject(new AppError(message.error.code, message.error.message, message.error.hint))
        void worker.terminate()
      } else if (message.kind === 'stopped') stopped()
    })
    worker.on('error', (error) => gone(error.message))
    worker.on('exit', (code) => gone(`the worker exited with code ${code}`))
  })
}
