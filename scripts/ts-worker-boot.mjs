// Loads a TypeScript worker entry from source (benches, e2e bridge, tests): registers tsx in this worker thread,
// then imports workerData.entry. The app itself runs the built JavaScript entry and never loads this file.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register({ tsconfig: workerData.tsconfig })
await import(workerData.entry)
