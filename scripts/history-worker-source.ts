import type { WorkerSource } from '../src/main/core/history/history-client'

/** A worker entry run from its TypeScript source (through ts-worker-boot.mjs), for hosts that run main from source. */
function fromSource(entry: string): WorkerSource {
  return {
    file: new URL('./ts-worker-boot.mjs', import.meta.url),
    workerData: {
      entry: new URL(entry, import.meta.url).href,
      tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname
    }
  }
}

/** The history worker run from its TypeScript source, for hosts that run main's code from source (not the app). */
export function historyWorkerFromSource(): WorkerSource {
  return fromSource('../src/main/core/history/history-worker.ts')
}

/** The catalog import worker (src/main/core/catalog-import/import-worker.ts) run from its TypeScript source. */
export function catalogImportWorkerFromSource(): WorkerSource {
  return fromSource('../src/main/core/catalog-import/import-worker.ts')
}
