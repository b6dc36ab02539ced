import type { WorkerSource } from '../src/main/core/history/history-client'

/**
 * Main's worker threads run from their TypeScript source, for hosts that run main's code from source (tests, the
 * e2e bridge, benches; not the app, which runs the built workers next to out/main/index.js).
 */
function workerFromSource(entry: string): WorkerSource {
  return {
    file: new URL('./ts-worker-boot.mjs', import.meta.url),
    workerData: {
      entry: new URL(`../src/main/core/${entry}`, import.meta.url).href,
      tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname
    }
  }
}

export const historyWorkerFromSource = (): WorkerSource => workerFromSource('history/history-worker.ts')
export const sandboxWorkerFromSource = (): WorkerSource => workerFromSource('sandbox/worker/sandbox-worker.ts')
export const catalogImportWorkerFromSource = (): WorkerSource => workerFromSource('catalog-import/import-worker.ts')
