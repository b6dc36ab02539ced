import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBody, startEchoServer, type EchoReply, type RunningServer } from '../../../support/echo-server'
import { expectAppError, makeEngine, options, readAll, row, spec, type EngineFixture } from './helpers'

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

describe('engine: content decoding', () => {
  it.each([
    ['gzip', 'gzip'],
    ['br', 'br'],
    ['deflate', 'deflate'],
    ['rawdeflate', 'deflate']
  ])('decodes %s and keeps the raw Content-Encoding', async (flag, encoding) => {
    const size = 300_000
    const result = await fx.engine.send(spec(`${server.url}/d?size=${size}&${flag}=1`), options())
    expect(result.contentEncoding).toBe(encoding)
    expect(result.sizes.decodedBytes).toBe(size)
    expect(result.sizes.wireBytes).toBeGreaterThan(0)
    expect(result.sizes.wireBytes).toBeLessThan(size / 10)
    const { text } = await readAll(fx.engine, result.responseId)
    expect(text).toBe(generatedBody(size, 'text').toString())
    expect(await fx.engine.release(result.responseId)).toBe(true)
  })

  it('receiveBody streams the decoded body to the caller: nothing is kept, the preview still comes', async () => {
    const size = 2_000_000
    const chunks: Buffer[] = []
    const statuses: number[] = []
    const result = await fx.engine.send(spec(`${server.url}/d?size=${size}&gzip=1`), options({
      receiveBody: (status) => {
        statuses.push(status)
        return (chunk) => void chunks.push(chunk)
      }
    }))
    expect(statuses).toEqual([200])
    expect(Buffer.concat(chunks).equals(generatedBody(size, 'text'))).toBe(true)
    expect(result.sizes.decodedBytes).toBe(size)
    expect(result.preview.truncated).toBe(true)
    expect(generatedBody(size, 'text').toString().startsWith(result.preview.text)).toBe(true)
    expect(await fx.engine.release(result.responseId)).toBe(false)
    expect(await fx.tempFiles()).toEqual([])
  })

  it('decodes a compressed echo (JSON preview)', async () => {
    const result = await fx.engine.send(spec(`${server.url}/d?gzip=1`, { headers: [row('X-Probe', 'yes')] }), options())
    const reply = JSON.parse(result.preview.text) as EchoReply
    expect(reply.headers).toContainEqual(['X-Probe', 'yes'])
  })

  it('stops a decompression bomb at the cap with DECODED_SIZE_CAP and keeps nothing', async () => {
    const cap = 1024 * 1024
    const error = await expectAppError(
      fx.engine.send(spec(`${server.url}/bomb?size=${64 * 1024 * 1024}&fill=zero&gzip=1`), options({ maxDecodedBytes: cap })),
      'DECODED_SIZE_CAP'
    )
    expect(error.message).toContain('1 MiB')
    expect(error.hint).toMatch(/Settings/)
    expect(await fx.tempFiles()).toEqual([])
  })

  it('applies the cap to uncompressed bodies too', async () => {
    await expectAppError(fx.engine.send(spec(`${server.url}/big?size=3000000`), options({ maxDecodedBytes: 1024 * 1024 })), 'DECODED_SIZE_CAP')
  })

  it.each(['gzip', 'br', 'deflate'])('reports truncated %s data as DECODE_ERROR', async (flag) => {
    const error = await expectAppError(fx.engine.send(spec(`${server.url}/t?size=200000&${flag}=1&truncate=1`), options()), 'DECODE_ERROR')
    expect(error.message).toMatch(/truncated|could not be decoded/)
    expect(await fx.tempFiles()).toEqual([])
  })

  it('reports corrupt gzip as DECODE_ERROR', async () => {
    const error = await expectAppError(fx.engine.send(spec(`${server.url}/c?corrupt=1`), options()), 'DECODE_ERROR')
    expect(error.message).toContain('gzip')
  })

  it('keeps an unknown coding as received, with a warning', async () => {
    const result = await fx.engine.send(spec(`${server.url}/z?size=10&header=Content-Encoding:zstd`), options())
    expect(result.contentEncoding).toBe('zstd')
    expect(result.preview.text).toBe(generatedBody(10, 'text').toString())
    expect(result.warnings.join(' ')).toContain('zstd')
  })

  it('sends the user Accept-Encoding instead of the default', async () => {
    const result = await fx.engine.send(spec(`${server.url}/e`, { headers: [row('Accept-Encoding', 'identity')] }), options())
    const reply = JSON.parse(result.preview.text) as EchoReply
    expect(reply.headers.filter(([name]) => name.toLowerCase() === 'accept-encoding')).toEqual([['Accept-Encoding', 'identity']])
  })
})
