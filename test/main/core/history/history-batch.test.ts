import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HistoryStore } from '../../../../src/main/core/history/history-store'
import type { HistoryInput } from '../../../../src/main/core/history/build-entry'

/** Sends back to back share appends (the send path does not await record): nothing may be lost or misplaced. */
function input(i: number): HistoryInput {
  return {
    spec: { method: 'GET', url: `https://t.example/item/${i}`, query: [], headers: [], body: { kind: 'none' } },
    environmentId: null,
    error: { code: 'CONNECTION_REFUSED', message: `refused ${i}` }
  }
}

async function fresh(maxSegmentBytes?: number): Promise<{ dir: string; history: HistoryStore }> {
  const dir = await mkdtemp(join(tmpdir(), 'history-batch-'))
  let n = 0
  const options = { newId: () => `h${++n}`, ...(maxSegmentBytes === undefined ? {} : { maxSegmentBytes, maxTotalBytes: 1024 * 1024 }) }
  return { dir, history: new HistoryStore(dir, options) }
}

describe('HistoryStore batched appends', () => {
  it('keeps every entry of a burst, in order, each readable at its own offset', async () => {
    const { dir, history } = await fresh()
    const recorded = Promise.all(Array.from({ length: 300 }, (_, i) => history.record(input(i))))
    // Issued before the burst's write ran: must still see all of it.
    const page = await history.search({ limit: 1000 })
    expect(page.total).toBe(300)
    expect(page.items[0]?.url).toBe('https://t.example/item/299')
    expect((await recorded).map((entry) => entry.id)).toEqual(Array.from({ length: 300 }, (_, i) => `h${i + 1}`))
    for (const i of [0, 1, 150, 299]) expect((await history.get(`h${i + 1}`)).error?.message).toBe(`refused ${i}`)
    const lines = (await readFile(join(dir, (await readdir(dir))[0] ?? ''), 'utf8')).split('\n').filter(Boolean)
    expect(lines).toHaveLength(300)
  })

  it('starts new segments inside one batch and reloads the same entries', async () => {
    const { dir, history } = await fresh(256 * 1024)
    const big = (i: number): HistoryInput => ({ ...input(i), error: { code: 'CONNECTION_REFUSED', message: 'y'.repeat(4000) + i } })
    await Promise.all(Array.from({ length: 200 }, (_, i) => history.record(big(i))))
    const stats = await history.stats()
    expect(stats.segments).toBeGreaterThan(1)
    expect(stats.entries).toBe(200)
    await history.close()
    const reopened = new HistoryStore(dir)
    expect(await reopened.stats()).toMatchObject({ entries: 200, skippedLines: 0, segments: stats.segments })
    expect((await reopened.get('h137')).error?.message).toBe('y'.repeat(4000) + 136)
  })

  it('close() writes what is still waiting: nothing recorded before close is lost', async () => {
    const { dir, history } = await fresh()
    await history.record(input(0)) // the next records wait for their write slot
    const later = [history.record(input(1)), history.record(input(2))]
    await history.close()
    await Promise.all(later)
    const reopened = new HistoryStore(dir)
    expect((await reopened.search({})).items.map((item) => item.url)).toEqual([2, 1, 0].map((i) => `https://t.example/item/${i}`))
  })
})
