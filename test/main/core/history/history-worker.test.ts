import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startHistoryWorker, type HistoryClient } from '../../../../src/main/core/history/history-client'
import type { HistoryInput } from '../../../../src/main/core/history/build-entry'
import { historyWorkerFromSource } from '../../../../scripts/worker-source'
import { AppError } from '../../../../src/shared/model/errors'
import { HistoryStore } from '../../../../src/main/core/history/history-store'

/** History in its worker thread (what the app runs): a real worker, real files, the same answers as in-thread. */
const SECRET = 'sekrit-token-0123456789abcdef'

function send(i: number, preview = '{"ok":true}'): HistoryInput {
  return {
    spec: { method: 'GET', url: `https://t.example/item/${i}`, query: [], headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, enabled: true }], body: { kind: 'none' } },
    environmentId: null,
    result: {
      status: 200,
      statusText: 'OK',
      httpVersion: '1.1',
      headers: [['set-cookie', `session=${SECRET}`]],
      timings: { totalMs: 3 },
      sizes: { wireBytes: preview.length, decodedBytes: preview.length, headerBytes: 20 },
      contentType: 'application/json',
      preview: { text: preview, truncated: false, binary: false },
      requestEcho: { url: `https://t.example/item/${i}` }
    }
  }
}

const open: HistoryClient[] = []
let fellBack = 0
/** The in-thread store the client falls back to if its worker fails; counted, so a test notices a silent fallback. */
const fallbackTo = (dir: string) => (): HistoryStore => {
  fellBack++
  return new HistoryStore(dir)
}

async function fresh(): Promise<{ dir: string; history: HistoryClient }> {
  const dir = await mkdtemp(join(tmpdir(), 'history-worker-'))
  const history = startHistoryWorker(dir, historyWorkerFromSource(), fallbackTo(dir))
  open.push(history)
  return { dir, history }
}

beforeEach(() => {
  fellBack = 0
})

afterEach(async () => {
  await Promise.all(open.splice(0).map((history) => history.close().catch(() => undefined)))
})

/** Unless a test breaks the worker on purpose, its answers must come from the worker, not the fallback. */
afterEach((context) => {
  if (!context.task.name.includes('cannot start') && !context.task.name.includes('died')) expect(fellBack).toBe(0)
})

describe('history in a worker thread', () => {
  it('sees sends added just before a search, in order, redacted on disk', async () => {
    const { dir, history } = await fresh()
    for (let i = 0; i < 50; i++) history.add(send(i))
    const page = await history.search({ limit: 100 })
    expect(page.total).toBe(50)
    expect(page.items[0]?.url).toBe('https://t.example/item/49')
    const entry = await history.get(page.items[10]?.id ?? '')
    expect(entry.request.url).toBe('https://t.example/item/39')
    expect(entry.request.headers[0]?.value).not.toContain(SECRET)
    await history.close()
    const text = (await Promise.all((await readdir(dir)).map((name) => readFile(join(dir, name), 'utf8')))).join('')
    expect(text.split('\n').filter(Boolean)).toHaveLength(50)
    expect(text).not.toContain(SECRET)
  })

  it('stamps each entry with when its send finished, not when the worker got it', async () => {
    const { history } = await fresh()
    history.add({ ...send(1), finishedAt: Date.UTC(2026, 0, 2, 3, 4, 5) })
    const [item] = (await history.search({})).items
    expect(item?.time).toBe('2026-01-02T03:04:05.000Z')
  })

  it('sends a 256 KiB preview to the worker cut to what history keeps, still marked truncated', async () => {
    const { history } = await fresh()
    history.add(send(1, `{"items":[${'{"a":"b"},'.repeat(26_000)}{}]}`))
    const [item] = (await history.search({})).items
    const entry = await history.get(item?.id ?? '')
    expect(entry.response?.bodyPreview.truncated).toBe(true)
    expect(Buffer.byteLength(entry.response?.bodyPreview.text ?? '')).toBeLessThanOrEqual(8 * 1024)
  })

  it('reports errors from the worker as AppErrors, and refuses calls once closed', async () => {
    const { history } = await fresh()
    const missing = await history.get('no-such-id').catch((error: unknown) => error)
    expect(missing).toBeInstanceOf(AppError)
    expect((missing as AppError).code).toBe('NOT_FOUND')
    await history.close()
    await expect(history.search({})).rejects.toThrow(/closed/)
  })

  it('keeps what was written across a restart (close, then a new worker on the same folder)', async () => {
    const { dir, history } = await fresh()
    history.add(send(1))
    history.add(send(2))
    await history.close()
    const reopened = startHistoryWorker(dir, historyWorkerFromSource(), fallbackTo(dir))
    open.push(reopened)
    expect((await reopened.stats()).entries).toBe(2)
    expect(fellBack).toBe(0)
  })

  it('carries on in this thread when the worker cannot start: nothing queued or asked is lost', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'history-worker-'))
    const broken = { file: new URL('data:text/javascript,throw new Error("no worker here")') }
    const history = startHistoryWorker(dir, broken, fallbackTo(dir))
    open.push(history)
    for (let i = 0; i < 3; i++) history.add(send(i))
    const page = await history.search({})
    expect(page.items.map((item) => item.url)).toEqual([2, 1, 0].map((i) => `https://t.example/item/${i}`))
    expect(fellBack).toBe(1)
    history.add(send(3))
    expect((await history.stats()).entries).toBe(4)
  })

  it('re-adds in this thread the batches a worker took but never receipted before it died', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'history-worker-'))
    // Takes every batch without a receipt, and dies on the first call.
    const silent = "import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => { if (m.kind === 'call') process.exit(1) })"
    const history = startHistoryWorker(dir, { file: new URL(`data:text/javascript,${encodeURIComponent(silent)}`) }, fallbackTo(dir))
    open.push(history)
    history.add(send(0))
    history.add(send(1))
    await new Promise((posted) => setTimeout(posted, 50)) // past the post interval: the batch is with the worker
    history.add(send(2))
    const page = await history.search({})
    expect(page.items.map((item) => item.url)).toEqual([2, 1, 0].map((i) => `https://t.example/item/${i}`))
    expect(fellBack).toBe(1)
  })
})
