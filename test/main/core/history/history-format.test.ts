import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/history-store'
import { HISTORY_FORMAT } from '../../../../src/shared/collections/history-entry'

/** A line as format 1 wrote it (no `v`, no `run`). */
function formatOneLine(id: string, status: number | null): string {
  return JSON.stringify({
    id, time: '2025-03-01T10:00:00.000Z', environmentId: 'env-1', operationId: null, savedRequestId: null,
    request: { method: 'GET', url: 'https://tenant.example/api/v2/events', query: [], headers: [], body: { kind: 'none' } },
    requestBodyTruncated: false, sentUrl: 'https://tenant.example/api/v2/events',
    response: status === null ? null : {
      status, statusText: 'OK', httpVersion: '1.1', durationMs: 12, sizes: { wireBytes: 10, decodedBytes: 10, headerBytes: 5 },
      contentType: 'application/json', headers: [['content-type', 'application/json']],
      bodyPreview: { text: '{"ok":1}', truncated: false, binary: false }
    },
    error: status === null ? { code: 'CONNECTION_REFUSED', message: 'refused' } : null
  })
}

describe('history line formats', () => {
  it('reads format 1 lines as format 2 (run null), skips a newer format, and writes format 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'history-format-'))
    await mkdir(dir, { recursive: true })
    const newer = JSON.stringify({ ...JSON.parse(formatOneLine('future', 200)), v: HISTORY_FORMAT + 1 })
    await writeFile(join(dir, 'history-000001.ndjson'), [formatOneLine('old-ok', 200), newer, formatOneLine('old-failed', null)].join('\n') + '\n')
    const history = new HistoryStore(dir)
    const page = await history.search({})
    expect(page.items.map((item) => item.id)).toEqual(['old-failed', 'old-ok'])
    expect(page.items.every((item) => item.run === null)).toBe(true)
    const old = await history.get('old-ok')
    expect(old).toMatchObject({ v: HISTORY_FORMAT, run: null, response: { status: 200 } })
    expect((await history.stats()).skippedLines).toBe(1)

    const added = await history.record({
      spec: { method: 'POST', url: 'https://tenant.example/x', query: [], headers: [], body: { kind: 'none' } }, environmentId: null,
      error: { code: 'CONNECTION_REFUSED', message: 'refused' }
    })
    expect(added.v).toBe(HISTORY_FORMAT)
    // The status filter "error" finds the sends that got no response.
    expect((await history.search({ status: 'error' })).items.map((item) => item.id)).toEqual([added.id, 'old-failed'])
    expect((await history.search({ status: '2xx' })).items.map((item) => item.id)).toEqual(['old-ok'])
    await history.close()
  })
})
