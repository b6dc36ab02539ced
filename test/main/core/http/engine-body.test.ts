import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatedBody, startEchoServer, type RunningServer } from '../../../support/echo-server'
import { startSlowServer } from '../../../support/slow-server'
import type { RequestSpec } from '@shared/model/request'
import { PROGRESS_DELAY_MS } from '../../../../src/main/core/http/progress'
import type { HttpEngine, Progress } from '../../../../src/main/core/http/engine-contract'
import { expectAppError, header, makeEngine, options, readAll, row, spec, type EngineFixture } from './helpers'

let server: RunningServer
let slow: RunningServer
let fx: EngineFixture
const PREVIEW = 4096

beforeAll(async () => {
  ;[server, slow] = await Promise.all([startEchoServer(), startSlowServer()])
  fx = await makeEngine({ previewBytes: PREVIEW })
})
afterAll(async () => {
  await fx.dispose()
  await Promise.all([server.close(), slow.close()])
})

describe('engine: preview and readBody', () => {
  it('returns a small body whole in the preview, without a temp file', async () => {
    const result = await fx.engine.send(spec(`${server.url}/p?size=1000&fill=utf8`), options())
    expect(result.preview).toEqual({ text: generatedBody(1000, 'utf8').toString(), truncated: false, binary: false })
    expect(await fx.tempFiles()).toEqual([])
    await fx.engine.release(result.responseId)
  })

  it('truncates the preview on a character boundary', async () => {
    const result = await fx.engine.send(spec(`${server.url}/p?size=100000&fill=utf8`), options())
    expect(result.preview.truncated).toBe(true)
    expect(result.preview.binary).toBe(false)
    expect(Buffer.byteLength(result.preview.text)).toBeLessThanOrEqual(PREVIEW)
    expect(Buffer.byteLength(result.preview.text)).toBeGreaterThan(PREVIEW - 4)
    expect(result.preview.text).not.toContain('\uFFFD')
    expect(generatedBody(100000, 'utf8').toString().startsWith(result.preview.text)).toBe(true)
    await fx.engine.release(result.responseId)
  })

  it('flags binary bodies and previews them as hex', async () => {
    const result = await fx.engine.send(spec(`${server.url}/b?size=5000&fill=binary&type=application/octet-stream`), options())
    expect(result.preview.binary).toBe(true)
    expect(result.preview.text).toMatch(/^\[Binary body: 4\.9 KiB\. First 512 bytes as hex:\]\n00000000 {2}03 0a 11 18/)
    await fx.engine.release(result.responseId)
  })

  it.each([
    ['in memory', 3000, [1, 2, 7, 1000]],
    ['in a temp file', 300_000, [5, 4096, 65536, 1 << 20]]
  ])('pages a body kept %s back exactly, across multi-byte characters', async (_where, size, pageSizes) => {
    const result = await fx.engine.send(spec(`${server.url}/u?size=${size}&fill=utf8`), options())
    const expected = generatedBody(size, 'utf8').toString()
    for (const page of pageSizes) {
      if (size / page > 5000) continue
      const { text, pages } = await readAll(fx.engine, result.responseId, page)
      expect(text.length, `page ${page}`).toBe(expected.length)
      expect(text === expected, `page ${page}`).toBe(true)
      expect(pages).toBeGreaterThanOrEqual(Math.ceil(size / Math.max(page, 4)))
    }
    await fx.engine.release(result.responseId)
  })

  it('moves an offset inside a character forward to the next character', async () => {
    const result = await fx.engine.send(spec(`${server.url}/u?size=64&fill=utf8`), options())
    // "aé€😀 ..." : bytes a(0) é(1-2) €(3-5) 😀(6-9)
    const chunk = await fx.engine.readBody(result.responseId, 7, 4)
    expect(chunk.offset).toBe(10)
    // The page ends at 7 + 4 = 11, which is where "Ü" starts, so only the space fits.
    expect(chunk.text).toBe(' ')
    expect(chunk.nextOffset).toBe(11)
    const whole = await fx.engine.readBody(result.responseId, 6, 1)
    expect(whole).toMatchObject({ text: '😀', offset: 6, nextOffset: 10, totalBytes: 64, eof: false })
    const end = await fx.engine.readBody(result.responseId, 60, 100)
    expect(end.eof).toBe(true)
    expect(end.nextOffset).toBe(64)
    await fx.engine.release(result.responseId)
  })

  it('deletes temp files on release and on close; unknown ids are NOT_FOUND', async () => {
    const local = await makeEngine({ previewBytes: 1024 })
    const first = await local.engine.send(spec(`${server.url}/f?size=50000`), options())
    const second = await local.engine.send(spec(`${server.url}/f?size=50000`), options())
    const small = await local.engine.send(spec(`${server.url}/f?size=10`), options())
    expect((await local.tempFiles()).sort()).toEqual([`${first.responseId}.body`, `${second.responseId}.body`].sort())
    expect(await local.engine.release(first.responseId)).toBe(true)
    expect(await local.engine.release(first.responseId)).toBe(false)
    expect(await local.tempFiles()).toEqual([`${second.responseId}.body`])
    await expectAppError(local.engine.readBody(first.responseId, 0, 10), 'NOT_FOUND')
    await expectAppError(local.engine.readBody('no-such-id', 0, 10), 'NOT_FOUND')
    await local.engine.close()
    expect(await local.tempFiles()).toEqual([])
    await expectAppError(local.engine.readBody(small.responseId, 0, 10), 'NOT_FOUND')
    await local.dispose()
  })
})

describe('engine: result details', () => {
  it('echoes the request as sent with credentials masked', async () => {
    const result = await fx.engine.send(
      spec(`${server.url}/e?token=abcdefghijklmnop1234`, {
        method: 'POST',
        query: [row('api_key', 'short'), row('page', '2')],
        headers: [row('Authorization', 'Bearer abcdefghijklmnopWXYZ'), row('Api-Key', 'secret'), row('X-Plain', 'visible')],
        body: { kind: 'json', text: '{"a":1}' }
      }),
      options()
    )
    const echoed = result.requestEcho
    expect(echoed.method).toBe('POST')
    expect(echoed.url).toBe(`${server.url}/e?token=••••1234&api_key=••••&page=2`)
    expect(header(echoed.headers, 'Authorization')).toBe('Bearer ••••WXYZ')
    expect(header(echoed.headers, 'Api-Key')).toBe('••••')
    expect(header(echoed.headers, 'X-Plain')).toBe('visible')
    expect(header(echoed.headers, 'host')).toBe(`127.0.0.1:${server.port}`)
    expect(header(echoed.headers, 'content-length')).toBe('7')
    expect(JSON.stringify(echoed)).not.toContain('abcdefghijklmnop')
    expect(result.sizes.headerBytes).toBeGreaterThan(50)
    await fx.engine.release(result.responseId)
  })

  it('reuses keep-alive connections; connection phases are 0 on reuse', async () => {
    const fresh = await startEchoServer()
    try {
      const first = await fx.engine.send(spec(`${fresh.url.replace('127.0.0.1', 'localhost')}/k`), options())
      expect(first.timings.dnsMs).toBeGreaterThan(0)
      expect(first.timings.connectMs).toBeGreaterThan(0)
      expect(first.timings.tlsMs).toBe(0)
      const second = await fx.engine.send(spec(`${fresh.url.replace('127.0.0.1', 'localhost')}/k`), options())
      expect([second.timings.dnsMs, second.timings.connectMs, second.timings.tlsMs]).toEqual([0, 0, 0])
      expect(second.timings.totalMs).toBeGreaterThan(0)
      expect(await fresh.connections()).toBe(1)
      for (const result of [first, second]) {
        const { ttfbMs, downloadMs, totalMs } = result.timings
        expect(ttfbMs + downloadMs).toBeLessThanOrEqual(totalMs)
        await fx.engine.release(result.responseId)
      }
    } finally {
      await fresh.close()
    }
  })
})

describe('engine: progress', () => {
  /** Emits every phase from the start (progressDelayMs 0), so the order of phases can be checked. */
  let immediate: EngineFixture
  beforeAll(async () => {
    immediate = await makeEngine({ previewBytes: PREVIEW, progressDelayMs: 0 })
  })
  afterAll(() => immediate.dispose())

  const TIMER_CLOCK_SLACK_MS = 5
  const ALL_PHASES: Progress['phase'][] = ['connecting', 'sending', 'waiting', 'receiving', 'done']

  /** The send's progress events, each with the ms since the send started. */
  async function sendWatched(engine: HttpEngine, request: RequestSpec) {
    const events: (Progress & { atMs: number })[] = []
    const started = performance.now()
    const result = await engine.send(request, options({ onProgress: (progress) => events.push({ ...progress, atMs: performance.now() - started }) }))
    await engine.release(result.responseId)
    const phases = events.map((event) => event.phase).filter((phase, i, all) => phase !== all[i - 1])
    return { result, events, phases }
  }

  it('reports progress phases in order, throttled, with the total from Content-Length', async () => {
    const chunks = 30
    const { result, events, phases } = await sendWatched(immediate.engine, spec(`${slow.url}/trickle?chunks=${chunks}&size=1000&interval=25`))
    expect(phases).toEqual(ALL_PHASES)
    const receiving = events.filter((event) => event.phase === 'receiving')
    expect(receiving.length).toBeLessThan(chunks)
    expect(receiving.every((event) => event.totalBytes === chunks * 1000)).toBe(true)
    expect(events.at(-1)).toMatchObject({ phase: 'done', receivedBytes: chunks * 1000, totalBytes: chunks * 1000 })
    expect(result.sizes.wireBytes).toBe(chunks * 1000)
  })

  it('reports waiting only after a request body is fully sent', async () => {
    const upload = spec(`${server.url}/up`, { method: 'POST', body: { kind: 'text', text: 'x'.repeat(2_000_000) } })
    const { result, phases } = await sendWatched(immediate.engine, upload)
    expect(phases).toEqual(ALL_PHASES)
    expect(result.status).toBe(200)
  })

  it('a send that finishes within the progress delay emits no progress at all', async () => {
    const { result, events } = await sendWatched(fx.engine, spec(`${server.url}/p?size=1000`))
    expect(result.status).toBe(200)
    expect(events).toEqual([])
  })

  it('a longer send shows its current phase once it has run for the delay, then every change', async () => {
    const { events, phases } = await sendWatched(fx.engine, spec(`${slow.url}/trickle?chunks=12&size=1000&interval=30`))
    // A Node timer is timed from the event loop's cached clock, read before this test's performance.now(), so it
    // can fire up to a few ms early by that clock (49.8 ms was seen on a loaded CI machine).
    expect(events[0]?.atMs).toBeGreaterThanOrEqual(PROGRESS_DELAY_MS - TIMER_CLOCK_SLACK_MS)
    // The head comes at once, so the body is being received when progress is first shown (on a loaded machine it
    // may still be waiting for it); from there on every phase is reported, in order.
    expect(ALL_PHASES.slice(-phases.length)).toEqual(phases)
    expect(phases.slice(-2)).toEqual(['receiving', 'done'])
    expect(events.at(-1)).toMatchObject({ phase: 'done', receivedBytes: 12_000, totalBytes: 12_000 })
  })

  it('a send stuck waiting for the server is shown as waiting before the response comes', async () => {
    const { events, phases } = await sendWatched(fx.engine, spec(`${slow.url}/stall?ms=400`))
    expect(phases).toEqual(['waiting', 'receiving', 'done'])
    expect(events[0]?.atMs).toBeLessThan(events.find((event) => event.phase === 'receiving')?.atMs ?? 0)
  })
})
