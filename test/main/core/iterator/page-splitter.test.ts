import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PageSplitter } from '../../../../src/main/core/iterator/page-splitter'
import { PageRecords, splitResultArray } from '../../../../src/main/core/iterator/page-records'
import { openExportSink } from '../../../../src/main/core/iterator/export-sink'

/** Feeds `body` cut at the given byte offsets and returns the records' text and the parsed rest (null if no split). */
function splitAt(body: string, cuts: number[], scratch?: { buffer: Buffer | null }): { raw: string[]; rest: unknown } | null {
  const bytes = Buffer.from(body)
  const splitter = new PageSplitter(scratch)
  let from = 0
  for (const cut of [...cuts, bytes.length]) {
    splitter.write(bytes.subarray(from, cut))
    from = cut
  }
  const page = splitter.finish()
  if (!page) return null
  return { raw: [...PageRecords.fromNdjson(page.ndjson, page.starts).raw], rest: JSON.parse(page.rest.toString('utf8')) as unknown }
}

/** Every way of cutting the body in two, plus byte by byte. */
function everyCut(body: string): number[][] {
  const length = Buffer.byteLength(body)
  return [[], ...Array.from({ length: length - 1 }, (_, i) => [i + 1]), Array.from({ length: length - 1 }, (_, i) => i + 1)]
}

const TRICKY = '{"ok":1,"result":[{"a":"x\\"}]","n":{"m":[1]}} , {"b":"\\\\","é":"ü €"}\n],"wait_time":0,"timestamp_hwm":5}'

describe('PageSplitter (records cut while the body streams in)', () => {
  it('gives the same records and rest as the text splitter, wherever the chunks are cut', () => {
    const expected = splitResultArray(TRICKY)
    expect(expected?.raw).toHaveLength(2)
    for (const cuts of everyCut(TRICKY)) {
      const split = splitAt(TRICKY, cuts)
      expect(split?.raw, `cuts ${cuts.join(',')}`).toEqual(expected?.raw)
      expect(split?.rest).toEqual({ ok: 1, result: [], wait_time: 0, timestamp_hwm: 5 })
    }
  })

  it('escapes split across chunks: a quote after an escaped backslash still ends the string', () => {
    const body = '{"result":[{"p":"a\\\\","q":"b\\\\\\"}"},{"r":1}],"ok":1}'
    for (const cuts of everyCut(body)) {
      expect(splitAt(body, cuts)?.raw.map((text) => JSON.parse(text) as unknown)).toEqual([{ p: 'a\\', q: 'b\\"}' }, { r: 1 }])
    }
  })

  it('returns null for a cut-off body, non-object elements or no top-level result array', () => {
    for (const body of ['{"ok":1,"result":[{"a":1},{"b":', '{"ok":1,"result":[1,2]}', '{"ok":1,"other":[{"a":1}]}', '[{"result":[{"a":1}]}]']) {
      expect(splitAt(body, [5]), body).toBeNull()
    }
    expect(splitAt('{"nested":{"result":[{"a":1}]},"result":[]}', [12])?.raw).toEqual([])
    // A body cut after the records still splits; the rest then does not parse, which the page fetch reports.
    const splitter = new PageSplitter()
    splitter.write(Buffer.from('{"result":[{"a":1}],"wait_'))
    expect(() => JSON.parse(splitter.finish()?.rest.toString() ?? '') as unknown).toThrow()
    expect(splitter.body().toString()).toBe('{"result":[{"a":1}],"wait_')
  })

  it('body() (for the slow path, rebuilt without keeping the chunks) parses like the body, wherever it is cut', () => {
    const parse = (text: string): unknown => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        return 'does not parse'
      }
    }
    const bodies = ['{"ok":1,"result":[{"a":1},{"b":', '{"ok":1,"result":[{"a":1} ,\n 2,{"c":"]"}]}', '{"ok":1,"result":[1,2]}',
      '{"ok":1,"other":[{"a":1}]}', '[{"result":[{"a":1}]}]', '{"result":[{"a":1}],"wait_', '{"result":[{"a":1}] 7', TRICKY,
      '{"result":[{\n "a": 1\r\n},{"b":2},"x"],"ok":1}']
    for (const body of bodies) {
      for (const cuts of everyCut(body)) {
        const bytes = Buffer.from(body)
        const splitter = new PageSplitter()
        let from = 0
        for (const cut of [...cuts, bytes.length]) {
          splitter.write(bytes.subarray(from, cut))
          from = cut
        }
        expect(parse(splitter.body().toString()), `${body} cut at ${cuts.join(',')}`).toEqual(parse(body))
      }
    }
  })

  it('pretty-printed records become one NDJSON line each, and the bytes go to the export as they are', async () => {
    const splitter = new PageSplitter()
    splitter.write(Buffer.from('{"result":[{\n  "a": 1,\r\n  "b": "t"\n},{"c":"ü"}]}'))
    const page = splitter.finish()
    if (!page) throw new Error('no split')
    const records = PageRecords.fromNdjson(page.ndjson, page.starts)
    expect(records.length).toBe(2)
    expect(records.first(5)).toEqual([{ a: 1, b: 't' }, { c: 'ü' }])
    const dir = await mkdtemp(join(tmpdir(), 'splitter-'))
    const path = join(dir, 'x.ndjson')
    const sink = await openExportSink('ndjson', path)
    await sink.write(records)
    await sink.finish()
    const lines = (await readFile(path, 'utf8')).trim().split('\n')
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([{ a: 1, b: 't' }, { c: 'ü' }])
  })

  it('JSON-array and CSV exports read the same byte-backed records', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'splitter-'))
    const page = (): PageRecords => {
      const splitter = new PageSplitter()
      splitter.write(Buffer.from('{"result":[{"a":1,"b":"x,y"},{"a":2,"c":{"d":[1]}}],"ok":1}'))
      const split = splitter.finish()
      if (!split) throw new Error('no split')
      return PageRecords.fromNdjson(split.ndjson, split.starts)
    }
    const written = async (format: 'json' | 'csv'): Promise<string> => {
      const path = join(dir, `x.${format}`)
      const sink = await openExportSink(format, path)
      await sink.write(page())
      await sink.finish()
      return readFile(path, 'utf8')
    }
    expect(JSON.parse(await written('json'))).toEqual([{ a: 1, b: 'x,y' }, { a: 2, c: { d: [1] } }])
    expect((await written('csv')).split('\r\n')).toEqual(['a,b,c,_extra', '1,"x,y",,', '2,,"{""d"":[1]}",', ''])
  })

  it('reuses the scratch buffer from page to page and grows it when a page is bigger', () => {
    const scratch: { buffer: Buffer | null } = { buffer: null }
    const big = `{"result":[${Array.from({ length: 40_000 }, (_, i) => `{"i":${i},"s":"${'x'.repeat(20)}"}`).join(',')}]}`
    expect(splitAt(big, [100_000, 500_000], scratch)?.raw).toHaveLength(40_000)
    const first = scratch.buffer
    expect(first?.length).toBeGreaterThan(1024 * 1024)
    expect(splitAt('{"result":[{"a":1}]}', [], scratch)?.raw).toEqual(['{"a":1}'])
    expect(scratch.buffer).toBe(first)
  })
})
