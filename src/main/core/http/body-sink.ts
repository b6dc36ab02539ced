import { open, rm, type FileHandle } from 'node:fs/promises'
import { AppError } from '@shared/model/errors'
import type { BodyReceiver } from './engine-contract'
import type { StoredBody } from '../stored-body/stored-body'

export interface SinkResult {
  stored: StoredBody
  /** The first bytes of the body (at least the preview size plus 3, for a clean UTF-8 cut). */
  head: Buffer
}

export interface SinkOptions {
  /** File the body spills to if it outgrows memory (created only then). */
  path: string
  /** Bodies up to this size stay in memory; beyond it everything goes to `path`. */
  memoryLimit: number
  /** Bytes kept for the preview. */
  headBytes: number
  maxDecodedBytes: number
  /** Gets every decoded chunk instead of memory/file; the sink then keeps only the head (for the preview). */
  receiver?: BodyReceiver
}

/**
 * Receives the decoded body. Small bodies stay in memory because one temp file per response costs about three
 * times a whole loopback request; a body that outgrows `memoryLimit` spills to its file and memory stays flat
 * whatever the size. Deliberately not a stream.Writable: this object exists for every response, and a plain
 * class keeps the per-request overhead down. Errors arrive through `onDone`; `destroy` deletes the file.
 */
export class BodySink {
  /** Called once: null when every byte is stored, else the error (size cap, disk). */
  onDone: (error: Error | null) => void = ignore
  /** Called when a write that returned false has been flushed. */
  onDrain: () => void = ignore

  private chunks: Buffer[] = []
  private size = 0
  private head: Buffer | null = null
  private file: FileHandle | null = null
  /** Chunks waiting for the file while it is being opened or written. */
  private queue: Buffer[] = []
  private busy = false
  private ended = false
  private done = false
  private destroyed = false

  constructor(private readonly options: SinkOptions) {}

  get bytes(): number {
    return this.size
  }

  /** True when the body goes to a receiver and is not kept. */
  get receives(): boolean {
    return this.options.receiver !== undefined
  }

  /** Returns false when the caller should wait for onDrain before writing more. Throws DECODED_SIZE_CAP. */
  write(chunk: Buffer): boolean {
    if (this.done || this.destroyed) return true
    this.size += chunk.length
    if (this.size > this.options.maxDecodedBytes) throw sizeCapError(this.options.maxDecodedBytes)
    const receiver = this.options.receiver
    if (receiver) {
      const kept = this.size - chunk.length
      if (kept < this.options.headBytes) this.chunks.push(chunk.subarray(0, this.options.headBytes - kept))
      receiver(chunk)
      return true
    }
    if (this.head === null) {
      this.chunks.push(chunk)
      if (this.size <= this.options.memoryLimit) return true
      const all = this.chunks
      this.chunks = []
      this.head = Buffer.concat(all).subarray(0, this.options.headBytes)
      this.queue = all
    } else {
      this.queue.push(chunk)
    }
    if (!this.busy) this.flush()
    return false
  }

  end(): void {
    if (this.ended || this.destroyed) return
    this.ended = true
    if (!this.busy) this.flush()
  }

  /** Writes queued chunks to the file (opening it first), then closes it once the body has ended. */
  private flush(): void {
    if (this.done || this.destroyed) return
    if (this.head === null) {
      if (this.ended) this.finish(null)
      return
    }
    this.busy = true
    void this.drainQueue().then(
      (closed) => {
        this.busy = false
        if (this.destroyed) return
        if (closed) this.finish(null)
        // Chunks (or the end) that arrived after the last write: keep going before asking for more.
        else if (this.queue.length > 0 || this.ended) this.flush()
        else this.onDrain()
      },
      (error: NodeJS.ErrnoException) => {
        this.busy = false
        this.finish(new AppError('INTERNAL', `Could not write the response body to the temp file ${this.options.path} (${error.code ?? error.message}).`))
      }
    )
  }

  /** True when the file was closed because the body ended. */
  private async drainQueue(): Promise<boolean> {
    this.file ??= await open(this.options.path, 'wx', 0o600)
    while (this.queue.length > 0 && !this.destroyed) {
      const batch = this.queue
      this.queue = []
      await this.file.writev(batch)
    }
    if (!this.ended || this.destroyed) return false
    await this.file.close()
    this.file = null
    return true
  }

  private finish(error: Error | null): void {
    if (this.done) return
    this.done = true
    this.onDone(error)
  }

  /** Stops the sink and deletes whatever was written. Safe to call at any time, more than once. */
  async destroy(): Promise<void> {
    if (this.destroyed) return
    this.destroyed = true
    this.done = true
    this.chunks = []
    this.queue = []
    // A pending open/write finishes first (it checks `destroyed`); wait for it so a late file is still deleted.
    while (this.busy) await new Promise((resolve) => setImmediate(resolve))
    await this.file?.close().catch(() => undefined)
    this.file = null
    if (this.head !== null) await rm(this.options.path, { force: true }).catch(() => undefined)
  }

  /** Valid after onDone(null). */
  result(): SinkResult {
    if (this.head !== null) return { stored: { kind: 'file', path: this.options.path, size: this.size }, head: this.head }
    const data = this.chunks.length === 1 ? (this.chunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.chunks)
    // With a receiver `data` is only the head; send() does not keep such a body.
    return { stored: { kind: 'memory', data, size: data.length }, head: data.subarray(0, this.options.headBytes) }
  }
}

/**
 * Shared no-op default for the callbacks: a fresh arrow per sink is a closure per response, and under tsx (benches,
 * scripts) esbuild's keepNames adds a ~0.5 µs defineProperty to each named one.
 */
function ignore(): void {}

export function sizeCapError(cap: number): AppError {
  return new AppError(
    'DECODED_SIZE_CAP',
    `The response body is larger than the ${formatBytes(cap)} limit (counted after decompression); the download was stopped.`,
    'Raise "maximum response size" in Settings if you expect a body this large.'
  )
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3 && bytes % 1024 ** 3 === 0) return `${bytes / 1024 ** 3} GiB`
  if (bytes >= 1024 ** 2) return `${+(bytes / 1024 ** 2).toFixed(1)} MiB`
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`
  return `${bytes} bytes`
}
