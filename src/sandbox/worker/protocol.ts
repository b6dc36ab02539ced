/** Messages between main (sandbox-client.ts) and the sandbox's worker thread (sandbox-worker.ts). */
import type { AppErrorShape } from '../../shared/model/errors'
import type { RunningSandbox, SandboxOptions } from '../types'

/** What can cross to the worker: every option but the clock and the test hooks (functions stay in their thread). */
export type SandboxWorkerOptions = Omit<SandboxOptions, 'now' | 'hooks'>

/** Put in the worker's workerData, next to anything its source loader needs (scripts/ts-worker-boot.mjs). */
export interface SandboxWorkerData {
  options: SandboxWorkerOptions
}

/** The running sandbox as the worker reports it: everything but close(), which main turns into a 'stop' message. */
export type SandboxStarted = Omit<RunningSandbox, 'close'>

export type SandboxToWorker = { kind: 'stop' }

export type SandboxFromWorker =
  | { kind: 'ready'; sandbox: SandboxStarted }
  | { kind: 'failed'; error: AppErrorShape }
  | { kind: 'stopped' }
