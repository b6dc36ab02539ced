import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BodyViews } from '../../../../src/main/core/body-view/body-views'
import { JsonReindenter } from '../../../../src/main/core/body-view/json-reindent'
import { RowSplitter } from '../../../../src/main/core/body-view/row-splitter'
import type { StoredBody } from '../../../../src/main/core/stored-body/stored-body'
import type { BodyMatch, BodyRow, BodyViewMode } from '../../../../src/shared/model/body-view'
import { referenceMatches, referenceRows } from './reference'

const MiB = 1024 * 1024
let dir: string
const bodies = new Map<string, StoredBody>()
let views: BodyViews

/** ~3 MiB of text: short lines, CRLF lines, multi-byte characters, and long lines that must be folded. */
function mixedText(): Buffer {
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < 3 * MiB; i++) {
    length += parts.at(-1)?.length ?? 0
    if (i % 97 === 0) parts.push('€'.repeat(700 + (i % 5)) + '\n') // 2,100 bytes of 3-byte characters: folds
    else if (i % 89 === 0) parts.push('x'.repeat(2048) + '\n') // exactly two rows, no empty tail
    else if (i % 13 === 0) parts.push(`row ${i} ünïcødé\r\n`)
    else parts.push(`{"id": ${i}, "name": "item-${i}"}\n`)
  }
  return Buffer.from(parts.join(''))
}

async function keep(id: string, bytes: Buffer): Promise<void> {
  const path = join(dir, `${id}.body`)
  await writeFile(path, bytes)
  bodies.set(id, { kind: 'file', path, size: bytes.length })
}

async function allRows(id: string, mode: BodyViewMode): Promise<BodyRow[]> {
  let page = await views.rows(id, mode, 0, 1)
  // Poll as the renderer does (a timer between calls, so main's file reads can progress).
  while (!page.done) {
    await new Promise((resolve) => setTimeout(resolve, 5))
    page = await views.rows(id, mode, 0, 1)
  }
  const rows: BodyRow[] = []
  for (let from = 0; from < page.totalRows; from += 1000) rows.push(...(await views.rows(id, mode, from, 1000)).rows)
  return rows
}

async function allMatches(id: string, mode: BodyViewMode, query: string, caseSensitive: boolean, maxMatches: number, scanBudget?: number): Promise<BodyMatch[]> {
  const found: BodyMatch[] = []
  let fromRow: number | null = 0
  while (fromRow !== null) {
    const page = await views.search('s', id, mode, { query, caseSensitive, fromRow, maxMatches, ...(scanBudget ? { scanBudget } : {}) })
    found.push(...page.matches)
    fromRow = page.nextRow
  }
  return found
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'body-view-test-'))
  views = new BodyViews((id) => bodies.get(id), dir)
})
afterAll(async () => {
  await views.clear()
  await rm(dir, { recursive: true, force: true })
})

describe('RowSplitter', () => {
  it('finds the same rows whether the bytes arrive at once or one by one, never cutting a character', () => {
    const bytes = Buffer.from('ab\n' + '€'.repeat(400) + '\n\nend')
    const whole: number[] = []
    new RowSplitter(0).feed(bytes, 0, (start) => whole.push(start))
    const bytewise: number[] = []
    const splitter = new RowSplitter(0)
    for (let i = 0; i < bytes.length; i++) splitter.feed(bytes.subarray(i, i + 1), i, (start) => bytewise.push(start))
    expect(bytewise).toEqual(whole)
    expect(whole).toEqual(referenceRows(bytes).slice(1).map((row) => row.start))
    for (const start of whole) expect((bytes[start] ?? 0) & 0xc0).not.toBe(0x80)
  })
})

describe('JsonReindenter', () => {
  it('re-indents like JSON.stringify(value, null, 2) even when escapes and UTF-8 are split between inputs', () => {
    const value = { a: 'q\\"x\\\\', b: [[], {}, [1, { c: 'é€😀' }]], 'k\\"': null, n: -1.5e3 }
    const text = Buffer.from(JSON.stringify(value))
    const out: Buffer[] = []
    const reindenter = new JsonReindenter()
    for (let i = 0; i < text.length; i++) reindenter.push(text.subarray(i, i + 1), (bytes) => out.push(Buffer.from(bytes)))
    reindenter.end((bytes) => out.push(Buffer.from(bytes)))
    expect(Buffer.concat(out).toString()).toBe(JSON.stringify(value, null, 2))
  })
})

describe('windowed rows over a multi-MB temp file', () => {
  it('indexes every row (lines, folded long lines, CRLF, UTF-8) and reads any window exactly', async () => {
    const bytes = mixedText()
    await keep('mixed', bytes)
    const expected = referenceRows(bytes)
    const first = await views.rows('mixed', 'raw', 0, 5)
    expect(first.mode).toBe('raw')
    expect(first.totalBytes).toBe(bytes.length)
    const rows = await allRows('mixed', 'raw')
    expect(rows.length).toBe(expected.length)
    expect(rows).toEqual(expected.map(({ text, line }) => ({ text, line })))
    // Windows that start mid-block and cross block boundaries.
    for (const from of [1, 63, 64, 65, 1000, expected.length - 3]) {
      const page = await views.rows('mixed', 'raw', from, 130)
      expect(page.rows).toEqual(expected.slice(from, from + 130).map(({ text, line }) => ({ text, line })))
    }
    expect((await views.rows('mixed', 'raw', expected.length + 10, 5)).rows).toEqual([])
  })

  it('pretty-prints a JSON body in main like JSON.stringify(value, null, 2)', async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => ({ id: i, tags: i % 7 === 0 ? [] : ['a', `t${i}`], nested: { ok: i % 2 === 0, note: 'say "hi" \\ {x}, [y]: é' }, empty: {} }))
    const value = { total: records.length, records }
    await keep('json', Buffer.from(JSON.stringify(value)))
    const rows = await allRows('json', 'pretty')
    expect(rows.every((row) => row.line !== null)).toBe(true)
    expect(rows.map((row) => row.text).join('\n')).toBe(JSON.stringify(value, null, 2))
    expect(rows.at(-1)?.line).toBe(rows.length)
  })

  it('shows a body that is not JSON raw even when pretty is asked for', async () => {
    await keep('text', Buffer.from('hello\nworld'))
    const page = await views.rows('text', 'pretty', 0, 10)
    expect(page.mode).toBe('raw')
  })
})

describe('search over the temp file', () => {
  it('finds every match, including ones across 1 MiB read boundaries and UTF-8 split across reads', async () => {
    const bytes = Buffer.from('a'.repeat(3 * MiB))
    // A plain needle straddling the first read boundary, and a multi-byte needle whose "€" straddles the second.
    bytes.write('NEEDLE', MiB - 3)
    bytes.write('€uro', 2 * MiB - 1)
    for (let at = 5; at < bytes.length - 10; at += 4099) if (bytes[at] === 0x61 && bytes[at + 6] === 0x61) bytes.write('needle', at)
    bytes.write('\n', 1000)
    await keep('search', bytes)
    const rows = referenceRows(bytes)
    const strip = (matches: BodyMatch[]): Array<{ row: number; byteColumn: number }> => matches.map(({ row, byteColumn }) => ({ row, byteColumn }))
    const exact = referenceMatches(bytes, Buffer.from('NEEDLE'), rows)
    expect(exact.length).toBe(1)
    expect(strip(await allMatches('search', 'raw', 'NEEDLE', true, 1000))).toEqual(exact)
    expect(strip(await allMatches('search', 'raw', '€uro', true, 1000))).toEqual(referenceMatches(bytes, Buffer.from('€uro'), rows))
    const folded = referenceMatches(Buffer.from(bytes.toString('latin1').toLowerCase(), 'latin1'), Buffer.from('needle'), rows)
    expect(folded.length).toBeGreaterThan(700)
    // Small pages must add up to the same list (no match lost or repeated at a page edge).
    expect(strip(await allMatches('search', 'raw', 'NeEdLe', false, 1000))).toEqual(folded)
    expect(strip(await allMatches('search', 'raw', 'needle', false, 7))).toEqual(folded)
    // Pages cut by the scan budget (progress) rather than by the match count.
    expect(strip(await allMatches('search', 'raw', 'needle', false, 1000, 512 * 1024))).toEqual(folded)
    expect(strip(await allMatches('search', 'raw', 'NEEDLE', true, 1000, 300 * 1024))).toEqual(exact)
  })

  it('searches the pretty text and maps matches to its rows', async () => {
    await keep('pjson', Buffer.from(JSON.stringify({ list: Array.from({ length: 50_000 }, (_, i) => ({ n: i })), last: 'needle-at-end' })))
    const rows = await allRows('pjson', 'pretty')
    const matches = await allMatches('pjson', 'pretty', 'needle-at-end', true, 100)
    expect(matches.length).toBe(1)
    const match = matches[0] as BodyMatch
    expect(rows[match.row]?.text.slice(match.byteColumn, match.byteColumn + match.byteLength)).toBe('needle-at-end')
    expect(match.row).toBe(rows.length - 2)
  })

  it('is cancelled by cancelSearch, and a new search with the same id cancels the old one', async () => {
    await keep('cancel', Buffer.alloc(8 * MiB, 0x62))
    const first = views.search('c', 'cancel', 'raw', { query: 'zz', caseSensitive: true, fromRow: 0, maxMatches: 10 })
    expect(views.cancelSearch('c')).toBe(true)
    await expect(first).rejects.toMatchObject({ code: 'CANCELLED' })
    const older = views.search('d', 'cancel', 'raw', { query: 'zz', caseSensitive: true, fromRow: 0, maxMatches: 10 })
    const newer = views.search('d', 'cancel', 'raw', { query: 'bbb', caseSensitive: true, fromRow: 0, maxMatches: 10 })
    await expect(older).rejects.toMatchObject({ code: 'CANCELLED' })
    expect((await newer).matches.length).toBeGreaterThanOrEqual(10)
  })
})

describe('save body to file', () => {
  it('copies the kept bytes exactly, and releasing a body drops its pretty copy', async () => {
    const bytes = mixedText()
    await keep('save', bytes)
    const target = join(dir, 'saved.json')
    expect(await views.save('save', target)).toBe(bytes.length)
    expect((await readFile(target)).equals(bytes)).toBe(true)
    await expect(views.save('missing', target)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})
