import { appendFile, mkdtemp, readdir, readFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore, type HistoryOptions } from '../../../../src/main/core/history/history-store'
import type { HistoryInput } from '../../../../src/main/core/history/build-entry'
import type { SendResult } from '../../../../src/shared/model/response'

const SECRET = 'sekrit-token-0123456789abcdef'

function result(status: number, preview = '{"ok":true}', url = 'https://tenant.goskope.com/api/v2/events'): SendResult {
  return {
    responseId: 'r1',
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    httpVersion: '1.1',
    url,
    headers: [
      ['content-type', 'application/json'],
      ['set-cookie', `session=${SECRET}`]
    ],
    redirects: [],
    timings: { dnsMs: 0, connectMs: 1, tlsMs: 0, ttfbMs: 5, downloadMs: 1, totalMs: 42 },
    sizes: { wireBytes: 100, decodedBytes: preview.length, headerBytes: 50 },
    contentType: 'application/json',
    contentEncoding: null,
    preview: { text: preview, truncated: false, binary: false },
    requestEcho: { method: 'GET', url: `${url}?token=${SECRET}`, headers: [] },
    warnings: []
  }
}

function input(method: string, url: string, status: number | null, extra: Partial<HistoryInput> = {}): HistoryInput {
  return {
    spec: { method, url, query: [], headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, enabled: true }], body: { kind: 'none' } },
    environmentId: 'env-1',
    ...(status === null
      ? { error: { code: 'CONNECTION_REFUSED', message: 'Connection refused by 127.0.0.1:1' } }
      : { result: result(status, undefined, url) }),
    ...extra
  }
}

async function store(options: HistoryOptions = {}): Promise<{ dir: string; history: HistoryStore }> {
  const dir = await mkdtemp(join(tmpdir(), 'history-'))
  let n = 0
  let clock = Date.UTC(2025, 0, 1)
  const history = new HistoryStore(dir, { newId: () => `h${++n}`, now: () => new Date((clock += 1000)), ...options })
  return { dir, history }
}

async function diskText(dir: string): Promise<string> {
  const names = await readdir(dir)
  return (await Promise.all(names.map((name) => readFile(join(dir, name), 'utf8')))).join('')
}

describe('HistoryStore', () => {
  it('records a send with response metadata and re-opens it by id, with credentials masked on disk', async () => {
    const { dir, history } = await store()
    const login = `{"access_token":"${SECRET}","expires_in":3600}`
    const recorded = await history.record({
      ...input('POST', `https://user:${SECRET}@ce.example/api/auth?token=${SECRET}`, null),
      result: result(200, login),
      spec: {
        method: 'POST',
        url: `https://user:${SECRET}@ce.example/api/auth?token=${SECRET}`,
        query: [{ name: 'api_key', value: SECRET, enabled: true }],
        headers: [{ name: 'Authorization', value: `Bearer ${SECRET}`, enabled: true }],
        body: { kind: 'form', fields: [{ name: 'client_secret', value: SECRET, enabled: true }] }
      },
      operationId: 'ce.auth',
      error: undefined
    })
    const entry = await history.get(recorded.id)
    expect(entry).toEqual(recorded)
    expect(entry).toMatchObject({ id: 'h1', time: '2025-01-01T00:00:01.000Z', environmentId: 'env-1', operationId: 'ce.auth' })
    expect(entry.response).toMatchObject({ status: 200, durationMs: 42, sizes: { decodedBytes: login.length } })
    expect(entry.request.headers[0]?.value).toBe('Bearer ••••cdef')
    expect(entry.response?.bodyPreview.text).toBe('{"access_token":"••••cdef","expires_in":3600}')
    expect(await diskText(dir)).not.toContain(SECRET)
  })

  it('caps the body preview and the request body, keeping UTF-8 whole', async () => {
    const { history } = await store({ previewBytes: 1000, requestBodyBytes: 500 })
    const big = 'é'.repeat(5000)
    const entry = await history.record({
      ...input('POST', 'https://x.example/a', 200),
      result: result(200, big),
      spec: { method: 'POST', url: 'https://x.example/a', query: [], headers: [], body: { kind: 'text', text: big } }
    })
    expect(entry.response?.bodyPreview).toEqual({ text: 'é'.repeat(500), truncated: true, binary: false })
    expect(entry.request.body).toEqual({ kind: 'text', text: 'é'.repeat(250) })
    expect(entry.requestBodyTruncated).toBe(true)
  })

  it('masks a credential member that crosses the preview cut of a large body, and no other part of it is kept', async () => {
    const { dir, history } = await store({ previewBytes: 1000 })
    // 256 KiB of JSON (the engine's preview size) whose token value starts inside the kept 1,000 bytes and ends after.
    const token = 'tok_' + 'A'.repeat(3000) + 'Z9y8'
    const body = `{"pad":"${'p'.repeat(950)}","access_token":"${token}","items":[${'{"a":"b"},'.repeat(25_000)}{}]}`
    const entry = await history.record({ ...input('GET', 'https://x.example/big', 200), result: result(200, body) })
    expect(entry.response?.bodyPreview.truncated).toBe(true)
    expect(entry.response?.bodyPreview.text).toContain('"access_token":"••••')
    await history.close()
    expect(await diskText(dir)).not.toContain('tok_AAAA')
  })

  it('searches by URL, method and status substring, newest first, with paging', async () => {
    const { history } = await store()
    await history.record(input('GET', 'https://t.example/api/v2/events/data/page', 200))
    await history.record(input('POST', 'https://t.example/api/v2/policy/urllist', 404))
    await history.record(input('GET', 'https://t.example/api/v2/events/data/alert', 503))
    await history.record(input('DELETE', 'https://t.example/api/v2/policy/urllist/3', null))
    const ids = async (query: Parameters<HistoryStore['search']>[0]): Promise<string[]> =>
      (await history.search(query)).items.map((item) => item.id)
    expect(await ids({})).toEqual(['h4', 'h3', 'h2', 'h1'])
    expect(await ids({ text: 'EVENTS/DATA' })).toEqual(['h3', 'h1'])
    expect(await ids({ text: 'post' })).toEqual(['h2'])
    expect(await ids({ text: '404' })).toEqual(['h2'])
    expect(await ids({ status: '5xx' })).toEqual(['h3'])
    expect(await ids({ method: 'delete' })).toEqual(['h4'])
    expect(await ids({ text: 'connection_refused' })).toEqual(['h4'])
    const page = await history.search({ limit: 2, offset: 1 })
    expect(page).toMatchObject({ total: 4, items: [{ id: 'h3', status: 503 }, { id: 'h2', status: 404 }] })
    expect((await history.search({ text: 'h4' })).total).toBe(0)
  })

  it('keeps the total on disk under the bound by dropping the oldest segments', async () => {
    const maxTotalBytes = 200 * 1024
    const { dir, history } = await store({ maxTotalBytes, maxSegmentBytes: 40 * 1024 })
    const preview = 'x'.repeat(4000)
    for (let i = 0; i < 200; i++) await history.record({ ...input('GET', `https://t.example/item/${i}`, 200), result: result(200, preview) })
    const sizes = await Promise.all((await readdir(dir)).map(async (name) => (await stat(join(dir, name))).size))
    const total = sizes.reduce((a, b) => a + b, 0)
    expect(total).toBeLessThanOrEqual(maxTotalBytes)
    expect(total).toBeGreaterThan(maxTotalBytes / 2)
    expect(sizes.length).toBeGreaterThan(1)
    const stats = await history.stats()
    expect(stats.bytes).toBe(total)
    await expect(history.get('h1')).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await history.get('h200')).request.url).toBe('https://t.example/item/199')
    const all = await history.search({ limit: 1000 })
    expect(all.total).toBe(stats.entries)
    expect(all.items[0]?.id).toBe('h200')
  })

  it('reloads from disk, skipping a torn last line without rewriting it', async () => {
    const { dir, history } = await store()
    await history.record(input('GET', 'https://t.example/one', 200))
    await history.record(input('GET', 'https://t.example/two', 200))
    const [segment] = await readdir(dir)
    await appendFile(join(dir, segment ?? ''), '{"id":"torn","ti')
    const reopened = new HistoryStore(dir, { newId: () => 'h3' })
    expect(await reopened.stats()).toMatchObject({ entries: 2, skippedLines: 1 })
    await reopened.record(input('GET', 'https://t.example/three', 200))
    const again = new HistoryStore(dir)
    expect((await again.search({})).items.map((item) => item.url)).toEqual([
      'https://t.example/three?token=••••cdef',
      'https://t.example/two?token=••••cdef',
      'https://t.example/one?token=••••cdef'
    ])
    expect((await again.get('h3')).request.url).toBe('https://t.example/three')
    expect(await readFile(join(dir, segment ?? ''), 'utf8')).toContain('{"id":"torn","ti\n')
    await again.clear()
    expect(await readdir(dir)).toEqual([])
  })
})
