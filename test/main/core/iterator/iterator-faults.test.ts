import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import type { IteratorProgress, IteratorSummary } from '../../../../src/shared/iterator/iterator-model'

// Faults the sandbox does not produce, from a small real server on 127.0.0.1: a body cut off mid-stream
// (then `resend`), 429 with Retry-After, 403 (token lacks scope), and follow mode that keeps polling until cancelled.
type Reply = (operation: string, res: import('node:http').ServerResponse) => void
let reply: Reply = () => undefined
const operations: string[] = []
let server: Server
let core: AppCore
let dir: string

const page = (from: number, count: number, hwm: number): string =>
  JSON.stringify({ ok: 1, result: Array.from({ length: count }, (_, i) => ({ _id: `id${from + i}`, timestamp: 1000 + from + i })), wait_time: 0, timestamp_hwm: hwm })

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'iterator-faults-'))
  server = createServer((req, res) => {
    const operation = new URL(req.url ?? '/', 'http://x').searchParams.get('operation') ?? ''
    operations.push(operation)
    reply(operation, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  await core.environments.save({ id: 'f', name: 'f', api: 'netskope', baseUrl: `http://127.0.0.1:${port}`, variables: [],
    tls: { verify: true, caPath: null }, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, sandbox: false })
  await core.vault.set(secretKey('f', 'v2Token'), 'fault-server-token')
})
afterAll(async () => {
  await core?.close()
  await new Promise((resolve) => server?.close(resolve))
})

const endpoint = '/api/v2/events/dataexport/alerts/dlp'

/** An until-caught-up pull from `next` to NDJSON: its summary and the _id of each exported line. */
async function pullToNdjson(runId: string): Promise<{ summary: IteratorSummary; ids: string[] }> {
  const path = join(dir, `${runId}.ndjson`)
  core.iterator.grantExportPath(path)
  const summary = await core.iterator.start({ runId, environmentId: 'f', endpoint, index: 'i', operation: 'next',
    mode: 'until-caught-up', export: { format: 'ndjson', path } })
  const ids = (await readFile(path, 'utf8')).trim().split('\n').map((line) => (JSON.parse(line) as { _id: string })._id)
  return { summary, ids }
}

describe('iterator runner faults', () => {
  it('a body broken mid-stream is fetched again with resend; nothing is duplicated', async () => {
    operations.length = 0
    let calls = 0
    reply = (operation, res) => {
      calls++
      if (calls === 1) {
        // Promise more bytes than are sent, then drop the connection.
        const text = page(0, 3, 1002)
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(text.length + 500) })
        res.write(text.slice(0, 20))
        setTimeout(() => res.socket?.destroy(), 20)
        return
      }
      const body = operation === 'resend' || calls === 2 ? page(0, 3, 1002) : page(3, 0, 1002)
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
    }
    const { summary, ids } = await pullToNdjson('resend')
    expect(operations.slice(0, 2)).toEqual(['next', 'resend'])
    expect(summary).toMatchObject({ stopReason: 'caught-up', records: 3 })
    expect(summary.notes.join(' ')).toMatch(/resend/)
    expect(ids).toEqual(['id0', 'id1', 'id2'])
  })

  it('a complete 200 whose JSON stops inside the records (split while streaming) is fetched again with resend', async () => {
    operations.length = 0
    let calls = 0
    reply = (operation, res) => {
      calls++
      const text = calls === 1 ? page(0, 3, 1002).slice(0, 60) : operation === 'resend' ? page(0, 3, 1002) : page(3, 0, 1002)
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(text)
    }
    const { summary, ids } = await pullToNdjson('cut-json')
    expect(operations.slice(0, 2)).toEqual(['next', 'resend'])
    expect(summary.notes.join(' ')).toMatch(/not complete JSON/)
    expect(ids).toEqual(['id0', 'id1', 'id2'])
  })

  it('until caught up also stops on a short page that comes with a wait_time (live tenant at its head)', async () => {
    operations.length = 0
    reply = (_op, res) => res.writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ ok: 1, result: [{ _id: 'a', timestamp: 1 }], wait_time: 30, timestamp_hwm: 1 }))
    const summary = await core.iterator.start({ runId: 'head', environmentId: 'f', endpoint, index: 'i', operation: 'next', mode: 'until-caught-up' })
    expect(summary).toMatchObject({ stopReason: 'caught-up', records: 1, pages: 1 })
    expect(operations).toEqual(['next'])
  })

  it('429 waits Retry-After, then repeats the same operation (nothing skipped, nothing doubled)', async () => {
    operations.length = 0
    let served = 0
    reply = (_op, res) => {
      served++
      if (served === 1) return void res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '0' }).end('{"message":"API rate limit exceeded"}')
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(served === 2 ? page(0, 3, 1002) : page(3, 0, 1002))
    }
    const details: string[] = []
    const summary = await core.iterator.start({ runId: 'limited', environmentId: 'f', endpoint, index: 'i', operation: 1000, mode: 'until-caught-up' },
      { onProgress: (p) => void (p.detail && details.push(p.detail)) })
    expect(operations).toEqual(['1000', '1000', 'next'])
    expect(summary).toMatchObject({ stopReason: 'caught-up', records: 3 })
    expect(details.some((d) => /429.*Retry-After/.test(d))).toBe(true)
  })

  it('403 stops at once and says the token lacks the scope', async () => {
    operations.length = 0
    reply = (_op, res) => res.writeHead(403, { 'Content-Type': 'application/json' }).end('{"message":"You cannot consume this service"}')
    await expect(core.iterator.start({ runId: 'forbidden', environmentId: 'f', endpoint, index: 'i', operation: 'next', mode: 'follow' }))
      .rejects.toThrow(/lacks the scope.*HTTP 403/)
    expect(operations).toHaveLength(1)
  })

  it('follow keeps polling through empty pages until cancelled', async () => {
    operations.length = 0
    let served = 0
    reply = (_op, res) => {
      const body = served < 2 ? page(served * 2, 2, 1001 + served * 2) : page(4, 0, 1003)
      served++
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(body)
    }
    const progress: IteratorProgress[] = []
    const running = core.iterator.start({ runId: 'follow', environmentId: 'f', endpoint, index: 'i', operation: 'next', mode: 'follow' }, {
      onProgress: (p) => {
        progress.push(p)
        // Cancel while waiting after the second empty page: proof that follow did not stop at "caught up".
        if (p.phase === 'waiting' && operations.length >= 4) core.iterator.cancel('follow')
      }
    })
    const summary = await running
    expect(summary.stopReason).toBe('cancelled')
    expect(summary.records).toBe(4)
    expect(operations.length).toBeGreaterThanOrEqual(4)
  })
})
