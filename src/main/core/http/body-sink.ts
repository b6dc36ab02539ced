import { open, rm, type FileHandle } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { AppError } from '@shared/model/errors'

/** Where a finished body lives: small ones in memory, anything larger in its own temp file. */
export type StoredBody = { kind: 'memory'; data: Buffer; size: number } | { kind: 'file'; path: string; size: number }

export interface SinkResult {
  stored: StoredBody
  /** The first bytes of the body (at least the preview size plus 3, for a clean UTF-8 cut). */
  head: Buffer
}

export interface SinkOptions {
  path: string
  /** Bodies up to this size stay in memory; beyond it everything goes to `path`. */
  memoryLimit: number
  /** Bytes kept for the preview. */
  headBytes: number
  maxDecodedBytes: number
  /** Called after each write with the decoded byte count so far. */
  onBytes?: (decodedBytes: number) => void
}

/**
 * Receives the decoded body. Small bodies are kept in memory because one temp file per response costs about
 * three times a whole loopback request; as soon as a body outgrows `memoryLimit` it spills to its file and
 * memory use stays flat whatever the body size. On error or destroy the file is deleted.
 */
export class BodySink extends Writable {
  private chunks: Buffer[] = []
  private size = 0
  private file: FileHandle | null = null
  private head: Buffer | null = null
  private finished = false
  /** The file operation in progress, awaited by _destroy so a file opened late is still deleted. */
  private io: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: SinkOptions) {
    super({ highWaterMark: 256 * 1024 })
  }

  get bytes(): number {
    return this.size
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this._writev([{ chunk }], callback)
  }

  override _writev(entries: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    const buffers = entries.map((entry) => entry.chunk)
    let added = 0
    for (const buffer of buffers) added += buffer.length
    this.size += added
    if (this.size > this.options.maxDecodedBytes) {
      callback(sizeCapError(this.options.maxDecodedBytes))
      return
    }
    this.options.onBytes?.(this.size)
    if (this.file) {
      this.track(this.file.writev(buffers), callback)
      return
    }
    this.chunks.push(...buffers)
    if (this.size <= this.options.memoryLimit) {
      callback()
      return
    }
    this.track(this.spill(), callback)
  }

  private track(operation: Promise<unknown>, callback: (error?: Error | null) => void): void {
    this.io = operation.then(
      () => callback(),
      (error: Error) => callback(ioError(error, this.options.path))
    )
  }

  private async spill(): Promise<void> {
    const all = this.chunks
    this.chunks = []
    this.head = Buffer.concat(all).subarray(0, this.options.headBytes)
    const file = await open(this.options.path, 'wx', 0o600)
    this.file = file
    await file.writev(all)
  }

  override _final(callback: (error?: Error | null) => void): void {
    const file = this.file
    if (!file) {
      this.finished = true
      callback()
      return
    }
    this.io = file.close().then(
      () => {
        this.file = null
        this.finished = true
        callback()
      },
      (error: Error) => callback(ioError(error, this.options.path))
    )
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (this.finished && !error) {
      callback(error)
      return
    }
    // An unfinished or failed body is never kept: wait for the pending write, then close and delete its file.
    void (async () => {
      await this.io.catch(() => undefined)
      const file = this.file
      this.file = null
      this.chunks = []
      await file?.close().catch(() => undefined)
      if (this.head !== null) await rm(this.options.path, { force: true }).catch(() => undefined)
    })().then(() => callback(error))
  }

  /** Valid after 'finish'. */
  result(): SinkResult {
    if (this.head !== null) return { stored: { kind: 'file', path: this.options.path, size: this.size }, head: this.head }
    const data = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks, this.size)
    return { stored: { kind: 'memory', data, size: this.size }, head: data.subarray(0, this.options.headBytes) }
  }

  /** Deletes the body's file if the sink finished but its result is not going to be kept. */
  async discard(): Promise<void> {
    this.chunks = []
    if (this.head !== null) await rm(this.options.path, { force: true }).catch(() => undefined)
  }
}

export function sizeCapError(cap: number): AppError {
  return new AppError(
    'DECODED_SIZE_CAP',
    `The response body is larger than the ${formatBytes(cap)} limit (counted after decompression); the download was stopped.`,
    'Raise "maximum response size" in Settings if you expect a body this large.'
  )
}

function ioError(error: Error, path: string): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? error.message
  return new AppError('INTERNAL', `Could not write the response body to the temp file ${path} (${code}).`)
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
