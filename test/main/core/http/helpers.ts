import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { KeyValue, RequestSpec } from '@shared/model/request'
import { AppError, type ErrorCode } from '@shared/model/errors'
import type { EchoReply } from '../../../support/echo-server'
import { createHttpEngine } from '../../../../src/main/core/http/engine'
import type { EngineConfig, HttpEngine, SendOptions } from '../../../../src/main/core/http/engine-contract'

export interface EngineFixture {
  engine: HttpEngine
  tempDir: string
  /** Files currently in the engine's temp folder. */
  tempFiles(): Promise<string[]>
  dispose(): Promise<void>
}

export async function makeEngine(config: Partial<EngineConfig> = {}): Promise<EngineFixture> {
  const root = await mkdtemp(join(tmpdir(), 'http-engine-'))
  const tempDir = join(root, 'bodies')
  const engine = createHttpEngine({ tempDir, ...config })
  return {
    engine,
    tempDir,
    tempFiles: async () => readdir(tempDir).catch(() => []),
    dispose: async () => {
      await engine.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}

export function options(overrides: Partial<SendOptions> = {}): SendOptions {
  return {
    connectTimeoutMs: 5_000,
    totalTimeoutMs: 20_000,
    maxRedirects: 10,
    maxDecodedBytes: 64 * 1024 * 1024,
    tls: { verify: true, caPath: null },
    ...overrides
  }
}

export const row = (name: string, value: string, enabled = true): KeyValue => ({ name, value, enabled })

export function spec(url: string, overrides: Partial<RequestSpec> = {}): RequestSpec {
  return { method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, ...overrides }
}

/** Reads a whole kept body through readBody pages of `page` bytes. */
export async function readAll(engine: HttpEngine, responseId: string, page = 64 * 1024): Promise<{ text: string; pages: number }> {
  let offset = 0
  let text = ''
  let pages = 0
  for (;;) {
    const chunk = await engine.readBody(responseId, offset, page)
    expect(chunk.offset).toBe(offset)
    if (!chunk.eof) expect(chunk.nextOffset).toBeGreaterThan(offset)
    text += chunk.text
    pages += 1
    offset = chunk.nextOffset
    if (chunk.eof) return { text, pages }
  }
}

/** Sends and returns the echo server's parsed reply (from the preview, which holds small bodies entirely). */
export async function echo(engine: HttpEngine, request: RequestSpec, sendOptions = options()) {
  const result = await engine.send(request, sendOptions)
  expect(result.preview.truncated).toBe(false)
  return { result, reply: JSON.parse(result.preview.text) as EchoReply }
}

export function header(pairs: [string, string][], name: string): string | undefined {
  return pairs.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1]
}

/** Runs `work` and returns the AppError it throws, failing the test if it does not throw one with `code`. */
export async function expectAppError(work: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  let caught: unknown = null
  try {
    await work
  } catch (error) {
    caught = error
  }
  expect(caught, `expected an AppError ${code}`).toBeInstanceOf(AppError)
  const error = caught as AppError
  expect(error.code, error.message).toBe(code)
  return error
}
