import type { WorkerSource } from '../src/main/core/history/history-client'

/**
 * Main's and the sandbox's worker threads run from their TypeScript source (an entry path under src/), for hosts that
 * run the code from source (tests, the e2e bridge, benches; not the app, which runs the built workers next to
 * out/main/index.js).
 */
function workerFromSource(entry: string): WorkerSource {
  return {
    file: new URL('./ts-worker-boot.mjs', import.meta.url),
    workerData: {
      entry: new URL(`../src/${entry}`, import.meta.url).href,
      tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname
    }
  }
}

export const historyWorkerFromSource = (): WorkerSource => workerFromSource('main/core/history/history-worker.ts')
export const sandboxWorkerFromSource = (): WorkerSource => workerFromSource('sandbox/worker/sandbox-worker.ts')
export const catalogImportWorkerFromSource = (): WorkerSource => workerFromSource('main/core/catalog-import/import-worker.ts')
