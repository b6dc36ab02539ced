import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEchoServer, type RunningServer } from '../../../support/echo-server'
import { echo, expectAppError, header, makeEngine, options, row, spec, type EngineFixture } from './helpers'

let server: RunningServer
let fx: EngineFixture

beforeAll(async () => {
  server = await startEchoServer()
  fx = await makeEngine()
})
afterAll(async () => {
  await fx.dispose()
  await server.close()
})

describe('engine: methods, query, headers', () => {
  it('sends GET with a JSON body (InsightCloudSec style) and the server receives it', async () => {
    const body = '{"filters":{"resource_type":"instance"},"limit":10}'
    const { result, reply } = await echo(fx.engine, spec(`${server.url}/v2/public/resource/search`, { body: { kind: 'json', text: body } }))
    expect(result.status).toBe(200)
    expect(reply.method).toBe('GET')
    expect(reply.body).toBe(body)
    expect(header(reply.headers, 'content-type')).toBe('application/json')
    expect(header(reply.headers, 'content-length')).toBe(String(body.length))
    expect(result.warnings).toEqual([])
  })

  it('sends any token method, normalising the case of well-known ones', async () => {
    expect((await echo(fx.engine, spec(`${server.url}/x`, { method: 'PROPFIND' }))).reply.method).toBe('PROPFIND')
    expect((await echo(fx.engine, spec(`${server.url}/x`, { method: 'delete' }))).reply.method).toBe('DELETE')
    const error = await expectAppError(fx.engine.send(spec(`${server.url}/x`, { method: 'GET X' }), options()), 'INVALID_INPUT')
    expect(error.message).toContain('space')
  })

  it('appends enabled query rows and keeps the query already in the URL', async () => {
    const { reply } = await echo(
      fx.engine,
      spec(`${server.url}/q?existing=1`, { query: [row('a', 'x y&z'), row('skip', 'me', false), row('b', 'é')] })
    )
    expect(reply.query).toEqual([
      ['existing', '1'],
      ['a', 'x y&z'],
      ['b', 'é']
    ])
  })

  it('sends enabled headers only, keeps the user spelling, and adds defaults the user did not set', async () => {
    const { reply } = await echo(
      fx.engine,
      spec(`${server.url}/h`, { headers: [row('X-Custom', ' v1 '), row('X-Off', 'no', false), row('Accept', 'application/json')] })
    )
    expect(reply.headers).toContainEqual(['X-Custom', 'v1'])
    expect(header(reply.headers, 'x-off')).toBeUndefined()
    expect(header(reply.headers, 'accept')).toBe('application/json')
    expect(header(reply.headers, 'accept-encoding')).toBe('gzip, deflate, br')
    expect(header(reply.headers, 'user-agent')).toMatch(/CloudSecAPIExplorer/)
  })

  it('drops headers the client must own, with a warning', async () => {
    const { result, reply } = await echo(
      fx.engine,
      spec(`${server.url}/h`, { method: 'POST', headers: [row('Content-Length', '999')], body: { kind: 'text', text: 'abc' } })
    )
    expect(header(reply.headers, 'content-length')).toBe('3')
    expect(result.warnings.join(' ')).toMatch(/Content-Length/)
  })

  it('reports status, reason phrase (server or standard), version and headers', async () => {
    const custom = await fx.engine.send(spec(`${server.url}/s?status=418&reason=Short%20And%20Stout&header=X-A:1&header=X-A:2`), options())
    expect(custom.status).toBe(418)
    expect(custom.statusText).toBe('Short And Stout')
    expect(custom.httpVersion).toBe('1.1')
    expect(custom.headers.filter(([name]) => name.toLowerCase() === 'x-a').map(([, value]) => value)).toEqual(['1', '2'])
    expect(custom.contentType).toBe('application/json')
    const plain = await fx.engine.send(spec(`${server.url}/s?status=201`), options())
    expect(plain.statusText).toBe('Created')
  })

  it('HEAD, 204 and 304 have no body', async () => {
    for (const [method, query] of [['HEAD', ''], ['GET', '?status=204'], ['GET', '?status=304']] as const) {
      const result = await fx.engine.send(spec(`${server.url}/n${query}`, { method }), options())
      expect(result.sizes.decodedBytes, `${method} ${query}`).toBe(0)
      expect(result.preview.text).toBe('')
      expect((await fx.engine.readBody(result.responseId, 0, 100)).eof).toBe(true)
    }
  })
})

describe('engine: request bodies', () => {
  it('sends invalid JSON as written and warns with line and column', async () => {
    const text = '{\n  "a": 1,\n  "b": }'
    const { result, reply } = await echo(fx.engine, spec(`${server.url}/j`, { method: 'POST', body: { kind: 'json', text } }))
    expect(reply.body).toBe(text)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/not valid JSON \(line 3, column 8: .*expected a value/)
  })

  it('keeps a user Content-Type for JSON and text bodies', async () => {
    const json = await echo(
      fx.engine,
      spec(`${server.url}/j`, { method: 'POST', headers: [row('content-type', 'application/vnd.api+json')], body: { kind: 'json', text: '{}' } })
    )
    expect(header(json.reply.headers, 'content-type')).toBe('application/vnd.api+json')
    const text = await echo(fx.engine, spec(`${server.url}/t`, { method: 'PUT', body: { kind: 'text', text: 'héllo', contentType: 'text/csv' } }))
    expect(text.reply.body).toBe('héllo')
    expect(header(text.reply.headers, 'content-type')).toBe('text/csv')
    const bare = await echo(fx.engine, spec(`${server.url}/t`, { method: 'PUT', body: { kind: 'text', text: 'x' } }))
    expect(header(bare.reply.headers, 'content-type')).toBeUndefined()
  })

  it('encodes x-www-form-urlencoded fields (enabled only)', async () => {
    const { reply } = await echo(
      fx.engine,
      spec(`${server.url}/f`, { method: 'POST', body: { kind: 'form', fields: [row('a b', 'x=y&z'), row('off', '1', false), row('é', '✓')] } })
    )
    expect(header(reply.headers, 'content-type')).toBe('application/x-www-form-urlencoded')
    expect([...new URLSearchParams(reply.body)]).toEqual([
      ['a b', 'x=y&z'],
      ['é', '✓']
    ])
  })

  it('sends multipart text, typed text and file parts; the file arrives byte-exact', async () => {
    const file = join(fx.tempDir, '..', 'upload "data".bin')
    const bytes = Buffer.concat([Buffer.from([...Array(256).keys()]), Buffer.from('\r\n--not-a-boundary\r\n'), Buffer.alloc(20_000, 0x41)])
    await writeFile(file, bytes)
    const { result, reply } = await echo(
      fx.engine,
      spec(`${server.url}/m`, {
        method: 'POST',
        headers: [row('Content-Type', 'multipart/form-data')],
        body: {
          kind: 'multipart',
          parts: [
            { kind: 'text', name: 'plain', value: 'hello ✓' },
            { kind: 'text', name: 'meta', value: '{"k":1}', contentType: 'application/json' },
            { kind: 'file', name: 'upload', path: file },
            { kind: 'file', name: 'renamed', path: file, filename: 'other.json', contentType: 'application/json' }
          ]
        }
      })
    )
    expect(result.warnings.join(' ')).toMatch(/boundary/)
    const type = header(reply.headers, 'content-type') ?? ''
    const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? ''
    expect(boundary).not.toBe('')
    const raw = Buffer.from(reply.bodyBase64, 'base64')
    expect(header(reply.headers, 'content-length')).toBe(String(raw.length))
    const parts = raw.toString('latin1').split(`--${boundary}`)
    expect(parts).toHaveLength(6)
    expect(parts[1]).toBe('\r\nContent-Disposition: form-data; name="plain"\r\n\r\n' + Buffer.from('hello ✓').toString('latin1') + '\r\n')
    expect(parts[2]).toBe('\r\nContent-Disposition: form-data; name="meta"\r\nContent-Type: application/json\r\n\r\n{"k":1}\r\n')
    expect(parts[3]).toContain('name="upload"; filename="upload %22data%22.bin"\r\nContent-Type: application/octet-stream\r\n\r\n')
    expect(parts[4]).toContain('name="renamed"; filename="other.json"\r\nContent-Type: application/json\r\n\r\n')
    for (const part of [parts[3] ?? '', parts[4] ?? '']) {
      const data = Buffer.from(part, 'latin1')
      const start = data.indexOf('\r\n\r\n') + 4
      expect(data.subarray(start, data.length - 2).equals(bytes)).toBe(true)
    }
    expect(parts[5]).toBe('--\r\n')
  })

  it('fails with FILE_NOT_FOUND naming the part and path', async () => {
    const missing = join(fx.tempDir, 'nope', 'missing.bin')
    const error = await expectAppError(
      fx.engine.send(
        spec(`${server.url}/m`, { method: 'POST', body: { kind: 'multipart', parts: [{ kind: 'file', name: 'evidence', path: missing }] } }),
        options()
      ),
      'FILE_NOT_FOUND'
    )
    expect(error.message).toContain('"evidence"')
    expect(error.message).toContain(missing)
  })
})
