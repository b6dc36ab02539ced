import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { BodyChunk } from '@shared/model/response'
import { AppError } from '@shared/model/errors'
import type { StoredBody } from '../stored-body/stored-body'
import { utf8CutBefore, utf8SkipContinuation } from './utf8'
import { readMasked, secretBytes } from '../stored-body/secret-bytes'

const FILE_SUFFIX = '.body'
/** One page of readBody; the renderer asks for pages far smaller than this. */
const MAX_PAGE = 16 * 1024 * 1024
const STALE_AFTER_MS = 24 * 3600 * 1000

/** Kept response bodies by response id, and the temp folder they spill to. */
export class BodyStore {
  private readonly bodies = new Map<string, StoredBody>()
  /** Per kept body, the secret values of the send that fetched it (SendOptions.secretValues): reads mask them. */
  private readonly secrets = new Map<string, readonly string[]>()
  private ready: Promise<void> | null = null

  /** Folder plus separator, so a body path is one concatenation (this runs for every response). */
  private readonly prefix: string

  constructor(private readonly dir: string) {
    this.prefix = join(dir, 'x').slice(0, -1)
  }

  /** Set once the folder exists. */
  isReady = false

  /** Creates the folder (and clears old leftovers) on first use. */
  allocate(): Promise<void> {
    this.ready ??= this.prepareDir().then(() => {
      this.isReady = true
    })
    return this.ready
  }

  /** A fresh id and the file its body spills to if it outgrows memory. Call after allocate(). */
  next(): { id: string; path: string } {
    const id = randomUUID()
    return { id, path: this.prefix + id + FILE_SUFFIX }
  }

  private async prepareDir(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true })
    } catch (error) {
      this.ready = null
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      throw new AppError('INTERNAL', `Cannot create the folder for response bodies: ${this.dir} (${code}).`)
    }
    // Files left by a crashed run. Only old ones: another running instance may share the folder.
    const names = await readdir(this.dir).catch(() => [] as string[])
    const cutoff = Date.now() - STALE_AFTER_MS
    await Promise.all(
      names
        .filter((name) => name.endsWith(FILE_SUFFIX))
        .map(async (name) => {
          const path = join(this.dir, name)
          const info = await stat(path).catch(() => null)
          if (info && info.mtimeMs < cutoff) await rm(path, { force: true }).catch(() => undefined)
        })
    )
  }

  /**
   * `secretValues` is the send's own array: tokens found after the send (a login answer) are added to it before the
   * result reaches the renderer, and are masked too.
   */
  keep(id: string, body: StoredBody, secretValues?: readonly string[]): void {
    this.bodies.set(id, body)
    if (secretValues !== undefined && secretValues.length > 0) this.secrets.set(id, secretValues)
  }

  /** The secret values to mask in this body's bytes (none for a send without an environment). */
  secretsOf(id: string): readonly string[] {
    return this.secrets.get(id) ?? []
  }

  has(id: string): boolean {
    return this.bodies.has(id)
  }

  /** Where a kept body lives (for windowed views, search and save-to-file, which read it without copying it). */
  get(id: string): StoredBody | undefined {
    return this.bodies.get(id)
  }

  async read(id: string, offset: number, length: number): Promise<BodyChunk> {
    const body = this.bodies.get(id)
    if (!body) throw notFound(id)
    if (!Number.isFinite(offset) || offset < 0 || !Number.isFinite(length) || length < 0) {
      throw new AppError('INVALID_INPUT', `readBody needs a non-negative offset and length (got ${offset}, ${length}).`)
    }
    const total = body.size
    const wanted = Math.min(Math.floor(length), MAX_PAGE)
    const from = Math.min(Math.floor(offset), total)
    // 3 bytes before (to find a character start) and 3 after (to finish the last character).
    const windowStart = Math.max(0, from - 3)
    const windowEnd = Math.min(total, from + wanted + 3)
    const secrets = secretBytes(this.secretsOf(id))
    const bytes = secrets
      ? await readMasked((start, end) => readRange(body, start, end), total, secrets, windowStart, windowEnd)
      : await readRange(body, windowStart, windowEnd)
    const startInWindow = utf8SkipContinuation(bytes, from - windowStart)
    const start = windowStart + startInWindow
    let end = Math.min(total, from + wanted)
    if (end < total) {
      end = windowStart + utf8CutBefore(bytes, end - windowStart, startInWindow)
      // A page smaller than one character still has to move forward: take that character whole.
      if (end <= start && wanted > 0) end = windowStart + utf8CutBefore(bytes, bytes.length, startInWindow, true)
    }
    if (end < start) end = start
    const text = bytes.toString('utf8', start - windowStart, end - windowStart)
    return { text, offset: start, nextOffset: end, totalBytes: total, eof: end >= total }
  }

  async release(id: string): Promise<boolean> {
    const body = this.bodies.get(id)
    if (!body) return false
    this.bodies.delete(id)
    this.secrets.delete(id)
    if (body.kind === 'file') await rm(body.path, { force: true })
    return true
  }

  async clear(): Promise<void> {
    const ids = [...this.bodies.keys()]
    await Promise.allSettled(ids.map((id) => this.release(id)))
  }
}

function notFound(id: string): AppError {
  return new AppError(
    'NOT_FOUND',
    `No response body with id "${id.slice(0, 64)}" is kept (it was released, or the app restarted).`,
    'Send the request again.'
  )
}

async function readRange(body: StoredBody, start: number, end: number): Promise<Buffer> {
  if (end <= start) return Buffer.alloc(0)
  if (body.kind === 'memory') return body.data.subarray(start, end)
  const handle = await open(body.path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT'
      ? new AppError('NOT_FOUND', `The temp file of this response body is gone: ${body.path}`, 'Send the request again.')
      : error
  })
  try {
    const buffer = Buffer.allocUnsafe(end - start)
    let filled = 0
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, start + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}
