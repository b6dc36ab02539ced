/**
 * Worker-thread entry that runs the built-in sandbox's listeners, so a request that keeps the sandbox busy (a big
 * page, an expensive filter) never delays main's IPC and UI work. Started by sandbox-client.ts; built as
 * out/main/sandbox-worker.js (electron.vite.config.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../shared/model/errors'
import { startSandbox } from '../index'
import type { SandboxFromWorker, SandboxToWorker, SandboxWorkerData } from './protocol'

const port = parentPort
if (!port) throw new Error('sandbox-worker.ts runs as a worker thread (see sandbox-client.ts).')
const post = (message: SandboxFromWorker): void => port.postMessage(message)

startSandbox((workerData as SandboxWorkerData).options).then(
  (sandbox) => {
    port.on('message', (message: SandboxToWorker) => {
      if (message.kind === 'stop') void sandbox.close().finally(() => post({ kind: 'stopped' }))
    })
    const { urls, caPath, credentials, demos, warnings } = sandbox
    post({ kind: 'ready', sandbox: { urls, caPath, credentials, demos, warnings } })
  },
  (error: unknown) => {
    const shape = error instanceof AppError ? error.toJSON() : { code: 'INTERNAL' as const, message: error instanceof Error ? error.message : String(error) }
    post({ kind: 'failed', error: shape })
  }
)
