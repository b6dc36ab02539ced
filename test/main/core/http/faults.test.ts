import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ErrorCode } from '@shared/model/errors'
import type { Settings } from '@shared/model/settings'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import type { Progress } from '../../../../src/main/core/http/engine-contract'
import { REDIRECT_HOPS, invalidUtf8Body, startFaultServer } from '../../../support/fault-server'
import type { RunningServer } from '../../../support/echo-server'
import { expectAppError, readAll, spec } from './helpers'

/**
 * Every fault goes through the whole send path (request runner -> engine -> history) of a real app core, as a
 * send from the UI would. After each fault: a typed error, no body file left behind, history records the error
 * (not a 200), and a normal request to the same server still works.
 */
let server: RunningServer
let core: AppCore
let root: string
let tempDir: string
let runs = 0

const DEFAULTS: Partial<Settings> = { totalTimeoutMs: 20_000, maxRedirects: 10, maxDecodedBytes: 4 * 1024 * 1024 }

beforeAll(async () => {
  server = await startFaultServer()
  root = await mkdtemp(join(tmpdir(), 'faults-'))
  tempDir = join(root, 'bodies')
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir, startSandbox: false, cipher: createSessionCipher(null, true) })
})
afterAll(async () => {
  await core.close()
  await server.close()
  await rm(root, { recursive: true, force: true })
})
beforeEach(async () => {
  await core.settings.update(DEFAULTS)
})

function send(path: string, onProgress: (progress: Progress, runId: string) => void = () => undefined) {
  const runId = `fault-${++runs}`
  return core.requests.send(runId, spec(`${server.url}${path}`), null, (progress) => onProgress(progress, runId))
}

/** The fault's error, then the checks every fault shares. */
async function expectFault(path: string, code: ErrorCode, onProgress?: (progress: Progress, runId: string) => void) {
  const error = await expectAppError(send(path, onProgress), code)
  expect(error.message.length).toBeGreaterThan(20)
  expect(await readdir(tempDir).catch(() => [])).toEqual([])
  const latest = (await core.history.search({ limit: 1 })).items[0]
  expect(latest?.url).toContain(path.split('?')[0])
  expect(latest?.status).toBeNull()
  expect(latest?.errorCode).toBe(code)
  await expectStillWorks()
  return error
}

async function expectStillWorks(): Promise<void> {
  const ok = await send('/ok')
  expect(ok.status).toBe(200)
  expect(ok.preview.text).toBe('ok')
  await core.engine.release(ok.responseId)
}

describe('faults: connection resets', () => {
  it('a reset before the headers is CONNECTION_RESET', async () => {
    const error = await expectFault('/reset-before-headers', 'CONNECTION_RESET')
    expect(error.message).toContain(`127.0.0.1:${server.port}`)
    expect(error.message).toContain('before the response headers arrived')
  })

  it('a reset mid-body (past the in-memory preview) is CONNECTION_RESET saying how far it got; the partial temp file is deleted', async () => {
    const error = await expectFault('/reset-mid-body', 'CONNECTION_RESET')
    expect(error.message).toMatch(/after [\d,]+ of the 1,000,000 bytes announced by Content-Length; the response is incomplete/)
  })
})

describe('faults: stalls', () => {
  it('a server that never sends headers hits the total timeout', async () => {
    await core.settings.update({ totalTimeoutMs: 400 })
    const error = await expectFault('/stall-headers', 'TIMEOUT_TOTAL')
    expect(error.message).toContain('0.4 s')
  })

  it('a body that stops mid-way hits the total timeout and keeps nothing', async () => {
    await core.settings.update({ totalTimeoutMs: 400 })
    await expectFault('/stall-body', 'TIMEOUT_TOTAL')
  })
})

describe('faults: compressed bodies', () => {
  it('a gzip body cut short (Content-Length matching the cut) is DECODE_ERROR saying it is truncated', async () => {
    const error = await expectFault('/truncated-gzip', 'DECODE_ERROR')
    expect(error.message).toMatch(/truncated/)
  })

  it('a decompression bomb stops at the size cap with DECODED_SIZE_CAP', async () => {
    await core.settings.update({ maxDecodedBytes: 2 * 1024 * 1024 })
    // The whole bomb is a few KiB on the wire and arrives at once: the cap is what stops it, at 2 MiB of 32 MiB.
    const error = await expectFault('/bomb', 'DECODED_SIZE_CAP')
    expect(error.message).toContain('2 MiB')
  })
})

describe('faults: endless body', () => {
  it('stops at the size cap', async () => {
    await core.settings.update({ maxDecodedBytes: 3 * 1024 * 1024 })
    const error = await expectFault('/endless', 'DECODED_SIZE_CAP')
    expect(error.message).toContain('3 MiB')
  })

  it('stops on cancel', async () => {
    await core.settings.update({ maxDecodedBytes: 1024 ** 3 })
    let cancelledAt = 0
    await expectFault('/endless', 'CANCELLED', (progress, runId) => {
      if (progress.phase !== 'receiving' || cancelledAt > 0 || progress.receivedBytes < 2 * 1024 * 1024) return
      cancelledAt = progress.receivedBytes
      expect(core.requests.cancel(runId)).toBe(true)
    })
    expect(cancelledAt).toBeGreaterThan(0)
  })
})

describe('faults: wrong Content-Length', () => {
  it('a body shorter than its Content-Length is an error naming both sizes', async () => {
    const error = await expectFault('/long-length', 'CONNECTION_RESET')
    expect(error.message).toContain('after 500 of the 1,000 bytes announced by Content-Length')
  })

  it('a Content-Length shorter than the body: the announced bytes are the response, the surplus is never read as another response', async () => {
    const result = await send('/short-length')
    expect(result.status).toBe(200)
    expect(result.sizes.decodedBytes).toBe(10)
    expect(result.preview.text).toBe('0123456789')
    // The surplus carries a forged response ("EVIL"); the next request must get the server's real answer.
    await expectStillWorks()
    await expectStillWorks()
  })
})

describe('faults: redirects and headers', () => {
  it(`a ${REDIRECT_HOPS}-hop redirect chain stops at the limit with TOO_MANY_REDIRECTS`, async () => {
    await core.settings.update({ maxRedirects: 50 })
    const before = server.requests.length
    const error = await expectFault('/hop/0', 'TOO_MANY_REDIRECTS')
    expect(error.message).toContain('Stopped after 50 redirects')
    expect(error.message).toContain('/hop/51')
    // 51 hops requested, then the /ok probe; nothing beyond the limit was fetched.
    expect(server.requests.slice(before).map((record) => record.path)).toHaveLength(52)
  })

  it('stops the same chain at the default limit of 10', async () => {
    const error = await expectFault('/hop/0', 'TOO_MANY_REDIRECTS')
    expect(error.message).toContain('Stopped after 10 redirects')
  })

  it('a response header over 64 KiB is refused with a message naming the limit', async () => {
    const error = await expectFault('/big-header?kb=80', 'NETWORK_ERROR')
    expect(error.message).toMatch(/response headers from 127\.0\.0\.1:\d+ are larger than the 64 KiB limit/)
  })

  it("a 40 KiB header (over Node's 16 KiB default) is accepted", async () => {
    const result = await send('/big-header?kb=40')
    expect(result.headers.find(([name]) => name === 'X-Big')?.[1]).toHaveLength(40 * 1024)
    await core.engine.release(result.responseId)
  })
})

describe('faults: invalid UTF-8', () => {
  it('is shown with replacement characters (not as binary) and saved byte-exact', async () => {
    const size = 600_000
    const result = await send(`/invalid-utf8?size=${size}`)
    expect(result.status).toBe(200)
    expect(result.preview.binary).toBe(false)
    expect(result.preview.text).toContain('\uFFFD')
    expect(result.warnings.join(' ')).toMatch(/not valid UTF-8/)
    // Past the preview size, so the body spilled to its temp file: those bytes are exactly what was sent.
    const files = await readdir(tempDir)
    expect(files).toHaveLength(1)
    expect((await readFile(join(tempDir, files[0] ?? ''))).equals(invalidUtf8Body(size))).toBe(true)
    const { text } = await readAll(core.engine, result.responseId, 100_000)
    expect(text).toBe(invalidUtf8Body(size).toString('utf8'))
    await core.engine.release(result.responseId)
    expect((await core.history.search({ limit: 1 })).items[0]?.status).toBe(200)
  })
})
