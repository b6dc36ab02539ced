/**
 * Worker-thread entry for one catalog import (import-in-worker.ts starts it): parsing, converting and inlining a
 * hostile or merely huge file takes seconds, which main's event loop (IPC, sends, the UI's answers) must not wait for.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '@shared/model/errors'
import { importCatalogFile } from './import-file'
import type { ImportWorkerReply } from './import-in-worker'

const port = parentPort
if (!port) throw new Error('import-worker.ts runs as a worker thread (see import-in-worker.ts).')

importCatalogFile((workerData as { path: string }).path).then(
  (file) => port.postMessage({ ok: true, file } satisfies ImportWorkerReply),
  (error: unknown) => {
    const shape = error instanceof AppError ? error.toJSON() : { code: 'INTERNAL' as const, message: `The import failed: ${error instanceof Error ? error.message : String(error)}` }
    port.postMessage({ ok: false, error: shape } satisfies ImportWorkerReply)
  }
)
