import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  convertLegacyEndpoint, iteratorAvailability, IteratorStartSchema, parseIteratorEndpoint, validateIndexName
} from '../../../../src/shared/iterator/iterator-model'
import { openExportSink } from '../../../../src/main/core/iterator/export-sink'
import { PageRecords, splitResultArray } from '../../../../src/main/core/iterator/page-records'
import { parseCsv } from './csv-parse'

describe('iterator model', () => {
  it('parses dataexport endpoints and rejects unknown types', () => {
    expect(parseIteratorEndpoint('/api/v2/events/dataexport/alerts/dlp')).toEqual({ kind: 'alerts', type: 'dlp' })
    expect(parseIteratorEndpoint('/api/v2/events/dataexport/events/page')).toEqual({ kind: 'events', type: 'page' })
    expect(parseIteratorEndpoint('/api/v2/events/dataexport/alerts/page')).toBeNull()
    expect(parseIteratorEndpoint('/api/v2/events/data/page')).toBeNull()
  })

  it('validates index names like the iterator-management API', () => {
    expect(validateIndexName('cloudsec-api-explorer:1.0_x')).toBeNull()
    expect(validateIndexName('has space')).toMatch(/letters/)
    expect(validateIndexName('')).not.toBeNull()
    expect(validateIndexName('a'.repeat(129))).not.toBeNull()
    expect(IteratorStartSchema.safeParse({ runId: 'r', environmentId: 'e', endpoint: '/api/v2/events/dataexport/alerts/dlp',
      index: 'bad index', operation: 'next', mode: 'one-page' }).success).toBe(false)
  })

  it('converts legacy /events/data endpoints to their dataexport equivalent with a phase-out note', () => {
    expect(convertLegacyEndpoint('/api/v2/events/data/page')?.endpoint).toBe('/api/v2/events/dataexport/events/page')
    expect(convertLegacyEndpoint('/api/v2/events/data/alert', 'Compromised Credential')?.endpoint)
      .toBe('/api/v2/events/dataexport/alerts/compromisedcredential')
    expect(convertLegacyEndpoint('/api/v2/events/data/alert')?.endpoint).toBe('/api/v2/events/dataexport/events/alert')
    expect(convertLegacyEndpoint('/api/v2/events/data/page')?.note).toMatch(/phased out/)
    expect(convertLegacyEndpoint('/api/v2/policy/urllist')).toBeNull()
  })

  it('is available only for a Netskope environment with a v2 token', () => {
    const netskope = { api: 'netskope', auth: { kind: 'netskope' } }
    expect(iteratorAvailability(netskope, true)).toEqual({ available: true })
    expect(iteratorAvailability(netskope, false)).toMatchObject({ available: false, reason: expect.stringMatching(/v2 token/) })
    expect(iteratorAvailability({ api: 'generic', auth: { kind: 'none' } }, true).available).toBe(false)
    expect(iteratorAvailability(null, true).available).toBe(false)
  })
})

describe('export sinks', () => {
  it('CSV: later keys go to _extra, awkward values are quoted, every row has the header width', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sink-'))
    const path = join(dir, 'x.csv')
    const sink = await openExportSink('csv', path)
    await sink.write(PageRecords.fromParsed([{ a: 1, b: 'comma, "quote"\nline' }, { a: 2, c: { nested: true } }]))
    await sink.write(PageRecords.fromParsed([{ a: 3, d: 'late' }]))
    expect(await readdir(dir)).toHaveLength(1) // only the temp file so far, not x.csv
    await sink.finish()
    const rows = parseCsv(await readFile(path, 'utf8'))
    expect(rows[0]).toEqual(['a', 'b', 'c', '_extra'])
    expect(rows[1]).toEqual(['1', 'comma, "quote"\nline', '', ''])
    expect(rows[2]).toEqual(['2', '', '{"nested":true}', ''])
    expect(rows[3]).toEqual(['3', '', '', '{"d":"late"}'])
    expect(await readdir(dir)).toEqual(['x.csv'])
  })

  it('JSON array with no records is still valid JSON; abort leaves the old file untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sink-'))
    const path = join(dir, 'x.json')
    const empty = await openExportSink('json', path)
    await empty.write(new PageRecords([]))
    await empty.finish()
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([])
    const aborted = await openExportSink('json', path)
    await aborted.write(PageRecords.fromParsed([{ a: 1 }]))
    await aborted.abort()
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([])
    expect(await readdir(dir)).toEqual(['x.json'])
  })
})

describe('splitResultArray', () => {
  it('cuts records out as raw text and leaves the rest parseable', () => {
    const body = '{"ok":1,"result":[{"a":"x\\"}]","n":{"m":[1]}} , {"b":2}\n],"wait_time":0,"timestamp_hwm":5}'
    const split = splitResultArray(body)
    expect(split?.raw).toEqual(['{"a":"x\\"}]","n":{"m":[1]}}', '{"b":2}'])
    expect(JSON.parse(split?.rest ?? '')).toEqual({ ok: 1, result: [], wait_time: 0, timestamp_hwm: 5 })
    for (const text of split?.raw ?? []) expect(() => JSON.parse(text)).not.toThrow()
  })

  it('returns null for a cut-off body or non-object elements (the caller then parses it whole)', () => {
    expect(splitResultArray('{"ok":1,"result":[{"a":1},{"b":')).toBeNull()
    expect(splitResultArray('{"ok":1,"result":[1,2]}')).toBeNull()
    expect(splitResultArray('{"ok":1,"other":[{"a":1}]}')).toBeNull()
    expect(splitResultArray('{"nested":{"result":[{"a":1}]},"result":[]}')?.raw).toEqual([])
  })

  it('NDJSON export of raw records keeps one record per line even if the server pretty-printed them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sink-'))
    const path = join(dir, 'x.ndjson')
    const sink = await openExportSink('ndjson', path)
    await sink.write(new PageRecords(splitResultArray('{"result":[{\n  "a": 1,\r\n  "b": "t"\n},{"c":2}]}')?.raw ?? []))
    await sink.finish()
    const lines = (await readFile(path, 'utf8')).trim().split('\n')
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([{ a: 1, b: 't' }, { c: 2 }])
  })
})
