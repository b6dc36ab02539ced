import type { WorkerSource } from '../src/main/core/history/history-client'

/** The catalog import worker run from its TypeScript source, for hosts that run main's code from source (not the app). */
export function catalogImportWorkerFromSource(): WorkerSource {
  return {
    file: new URL('./ts-worker-boot.mjs', import.meta.url),
    workerData: {
      entry: new URL('../src/main/core/catalog-import/import-worker.ts', import.meta.url).href,
      tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname
    }
  }
}
