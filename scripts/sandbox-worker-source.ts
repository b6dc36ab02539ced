import type { WorkerSource } from '../src/main/core/history/history-client'

/** The sandbox worker run from its TypeScript source, for hosts that run main's code from source (not the app). */
export function sandboxWorkerFromSource(): WorkerSource {
  return {
    file: new URL('./ts-worker-boot.mjs', import.meta.url),
    workerData: {
      entry: new URL('../src/main/core/sandbox/worker/sandbox-worker.ts', import.meta.url).href,
      tsconfig: new URL('../tsconfig.node.json', import.meta.url).pathname
    }
  }
}
