import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../../src/main/core/app-core'
import { containsSecretValue } from '../../../../src/shared/redaction/secret-values'
import { listen, type RunningServer } from '../../../support/echo-server'
import { saveEnvironment, send, startCore } from './core-fixture'

// An echoing server repeats the secret the request carried, raw, percent-encoded, base64 and JSON-escaped, in its
// headers and body; nothing the renderer can read (result, read-body, rows, search) may carry any form of it.
const SECRET = 'Sk-9 x/+&"q=Zeta42'
const PREVIEW = 256 * 1024
/** Where the large body repeats the secret: across the preview's end, across 1 MiB view reads, and elsewhere. */
const AT = [PREVIEW - 3, 1024 * 1024 - 5, 5000, 700_001]
const SIZE = 1_300_000
let server: RunningServer
let core: AppCore

const b64 = (text: string): string => Buffer.from(text).toString('base64')

function largeBody(value: string): Buffer {
  const body = Buffer.alloc(SIZE, 'a')
  for (let at = 99; at < SIZE; at += 100) body[at] = 0x0a
  body.write('MARK', 50)
  for (const at of AT) body.write(value, at)
  return body
}

beforeAll(async () => {
  server = await listen(createServer((req, res) => {
    const value = String(req.headers['x-s'] ?? '')
    res.setHeader('X-Raw', value)
    res.setHeader('X-B64', b64(value))
    res.setHeader('X-Pct', encodeURIComponent(value))
    if (req.url?.startsWith('/large')) {
      res.setHeader('Content-Type', 'text/plain')
      res.end(largeBody(value))
      return
    }
    res.setHeader('Content-Type', 'application/json')
    res.end(JSON.stringify({ raw: value, pct: encodeURIComponent(value), b64: b64(value), form: new URLSearchParams({ v: value }).toString(), url: req.url }))
  }), 'http', [])
  core = await startCore()
  await saveEnvironment(core, { id: 'echo', baseUrl: server.url, auth: { kind: 'none' } }, { v2Token: SECRET })
})
afterAll(async () => {
  await core?.close()
  await server?.close()
})

const carrying = (path: string): Parameters<typeof send>[2] => ({
  url: path,
  query: [{ name: 'copy', value: '{{secret.v2Token}}', enabled: true }],
  headers: [{ name: 'X-S', value: '{{secret.v2Token}}', enabled: true }]
})

/** Every row of a view, waiting while main is still indexing it. */
async function allRows(responseId: string, mode: 'raw' | 'pretty'): Promise<string> {
  const rows: string[] = []
  for (let from = 0; ; ) {
    const page = await core.engine.views.rows(responseId, mode, from, 1000)
    rows.push(...page.rows.map((row) => row.text))
    from += page.rows.length
    if (page.done && from >= page.totalRows) return rows.join('\n')
    if (page.rows.length === 0) await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

describe('secret values are masked in everything that crosses to the renderer', () => {
  it('send result: preview, headers, URL and request echo', async () => {
    const result = await send(core, 'echo', carrying('/small'))
    expect(result.status).toBe(200)
    const { responseId, ...visible } = result
    expect(responseId).toBeTruthy()
    expect(containsSecretValue(JSON.stringify(visible), [SECRET])).toBe(false)
    expect(containsSecretValue(result.preview.text, [SECRET])).toBe(false)
    expect(result.preview.text).toContain('"raw":"')
  })

  it('read-body, rows and search over a large body, with secrets straddling read boundaries', async () => {
    const result = await send(core, 'echo', carrying('/large'))
    const length = Buffer.byteLength(SECRET)
    expect(result.sizes.decodedBytes).toBe(SIZE)
    // The preview ends inside a copy of the secret: its visible start is masked too, and the length is kept.
    expect(Buffer.byteLength(result.preview.text)).toBe(PREVIEW)
    expect(result.preview.text.endsWith('***')).toBe(true)

    let text = ''
    for (let offset = 0, eof = false; !eof; ) {
      const chunk = await core.engine.readBody(result.responseId, offset, 65_537)
      text += chunk.text
      offset = chunk.nextOffset
      eof = chunk.eof
    }
    expect(Buffer.byteLength(text)).toBe(SIZE)
    expect(containsSecretValue(text, [SECRET])).toBe(false)
    for (const at of AT) {
      // A window that starts and ends inside the secret still reads only mask characters.
      const inside = await core.engine.readBody(result.responseId, at + 2, length - 4)
      expect(inside.text).toBe('*'.repeat(length - 4))
    }

    for (const mode of ['raw', 'pretty'] as const) {
      const all = await allRows(result.responseId, mode)
      expect(containsSecretValue(all, [SECRET])).toBe(false)
      expect(all).not.toContain('Zeta42')
    }

    const search = (query: string) => core.engine.views.search(`s-${query}`, result.responseId, 'raw', { query, caseSensitive: false, fromRow: 0, maxMatches: 100 })
    expect((await search(SECRET)).matches).toEqual([])
    expect((await search('zeta4')).matches).toEqual([]) // no probing for the secret piece by piece
    expect((await search('MARK')).matches).toEqual([{ row: 0, byteColumn: 50, byteLength: 4 }])
  })

  it('pretty rows of a JSON echo carry no form of the secret', async () => {
    const result = await send(core, 'echo', carrying('/small'))
    const rows = await allRows(result.responseId, 'pretty')
    expect(rows).toContain('"raw": "')
    expect(containsSecretValue(rows, [SECRET])).toBe(false)
  })
})
