/**
 * Worker-thread entry that owns the history files: redaction, JSON serialisation, appends and the search index all
 * run here, on another core, instead of between the main process's sends and IPC (they cost ~12 µs per loopback
 * send there, a third of the whole request; see bench/engine-overhead.ts). Speaks the protocol in history-client.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '@shared/model/errors'
import { HistoryStore } from './history-store'
import type { HistoryCall, HistoryReply, HistoryToWorker } from './history-client'

const port = parentPort
if (!port) throw new Error('history-worker.ts runs as a worker thread (see history-client.ts).')
const store = new HistoryStore((workerData as { dir: string }).dir)

port.on('message', (message: HistoryToWorker) => {
  if (message.kind === 'add') {
    for (const input of message.inputs) store.add(input)
    return
  }
  void answer(message).then((reply) => port.postMessage(reply))
})

async function answer(call: HistoryCall): Promise<HistoryReply> {
  try {
    return { id: call.id, ok: true, value: await run(call) }
  } catch (error) {
    if (error instanceof AppError) return { id: call.id, ok: false, error: error.toJSON() }
    return { id: call.id, ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : 'History failed.' } }
  }
}

function run(call: HistoryCall): Promise<unknown> {
  switch (call.method) {
    case 'record':
      return store.record(call.input)
    case 'search':
      return store.search(call.query)
    case 'get':
      return store.get(call.entryId)
    case 'clear':
      return store.clear()
    case 'stats':
      return store.stats()
    case 'close':
      return store.close()
  }
}
