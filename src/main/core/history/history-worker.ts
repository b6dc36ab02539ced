/**
 * Worker-thread entry that owns the history files: redaction, JSON serialisation, appends and the search index all
 * run here, on another core, instead of between the main process's sends and IPC (they cost 12-14 µs per loopback
 * send there, a fifth of the whole request; bench/send-path-layers.ts). Speaks the protocol in history-client.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '@shared/model/errors'
import { HistoryStore } from './history-store'
import { decodeHistoryBatch } from './handoff-codec'
import { runCall, type HistoryCall, type HistoryFromWorker, type HistoryReply, type HistoryToWorker } from './history-client'

const port = parentPort
if (!port) throw new Error('history-worker.ts runs as a worker thread (see history-client.ts).')
const store = new HistoryStore((workerData as { dir: string }).dir)

port.on('message', (message: HistoryToWorker) => {
  if (message.kind === 'add') {
    for (const input of decodeHistoryBatch(message.batch)) store.add(input)
    port.postMessage({ kind: 'added' } satisfies HistoryFromWorker)
    return
  }
  void answer(message).then((reply) => port.postMessage({ kind: 'reply', ...reply } satisfies HistoryFromWorker))
})

async function answer(call: HistoryCall): Promise<HistoryReply> {
  try {
    return { id: call.id, ok: true, value: await runCall(store, call) }
  } catch (error) {
    if (error instanceof AppError) return { id: call.id, ok: false, error: error.toJSON() }
    return { id: call.id, ok: false, error: { code: 'INTERNAL', message: error instanceof Error ? error.message : 'History failed.' } }
  }
}
