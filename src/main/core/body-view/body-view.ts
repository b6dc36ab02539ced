import { open, rm } from 'node:fs/promises'
import { AppError } from '@shared/model/errors'
import type { BodyRow, BodyViewMode } from '@shared/model/body-view'
import type { StoredBody } from '../stored-body/stored-body'
import { fileSource, maskedStoredSource, type ByteSource } from './byte-source'
import type { SecretBytes } from '../stored-body/secret-bytes'
import { JsonReindenter } from './json-reindent'
import { RowSplitter } from './row-splitter'

/** Every BLOCK_ROWS-th row start is kept: 8 bytes per 64 rows, so even a 200 MB body's index stays tiny. */
const BLOCK_ROWS = 64
const READ_CHUNK = 1024 * 1024
export const MAX_ROWS_PER_READ = 1000

interface Block {
  bytes: Buffer
  /** Absolute start offsets of the block's rows (and of the row after the last one read, when known). */
  starts: number[]
  /** Whether each of those rows begins a new line (false = folded continuation). */
  newLine: boolean[]
  firstRow: number
  firstLine: number
  end: number
}

/**
 * One way of showing a kept body (raw bytes, or re-indented JSON in its own temp file) cut into rows, indexed in
 * the background. Rows can be read while indexing goes on; `finished` settles when the whole body is indexed.
 */
export class BodyView {
  private offsets = new Float64Array(1024)
  private lines = new Float64Array(1024)
  private newLines = new Uint8Array(1024)
  private rowCount = 1
  private line = 0
  /** View bytes written (pretty) and split into rows so far. */
  indexedBytes = 0
  /** Source bytes consumed so far. */
  sourceBytes = 0
  done = false
  private failure: Error | null = null
  private stopped = false
  private reader: ByteSource | null = null
  readonly finished: Promise<void>

  constructor(
    private readonly source: StoredBody,
    readonly mode: BodyViewMode,
    /** The re-indented copy (pretty mode only); deleted by dispose(). */
    private readonly prettyPath: string,
    /** Secret values of the send, masked in every byte this view reads (and so in the pretty copy, rows and search). */
    private readonly secrets: SecretBytes | null = null
  ) {
    this.offsets[0] = 0
    this.newLines[0] = 1
    this.finished = this.build().catch((error: unknown) => {
      this.failure = error instanceof Error ? error : new Error(String(error))
      this.done = true
    })
  }

  get totalBytes(): number {
    return this.source.size
  }

  /** Rows whose end is known: all of them once done, else all but the open last one. */
  get availableRows(): number {
    return this.done ? this.rowCount : this.rowCount - 1
  }

  /** Bytes of the viewed text (the re-indented copy in pretty mode); final once done. */
  get viewBytes(): number {
    return this.indexedBytes
  }

  async readRows(from: number, count: number): Promise<BodyRow[]> {
    this.throwIfFailed()
    const to = Math.min(this.availableRows, from + Math.min(count, MAX_ROWS_PER_READ))
    if (to <= from) return []
    const block = await this.block(from, to)
    const rows: BodyRow[] = []
    let line = block.firstLine
    const base = block.starts[0] ?? 0
    for (let i = 0; i < to - block.firstRow; i++) {
      if (i > 0 && block.newLine[i]) line++
      if (block.firstRow + i < from) continue
      const start = (block.starts[i] ?? block.end) - base
      let end = (block.starts[i + 1] ?? block.end) - base
      if (block.newLine[i + 1] === true && block.bytes[end - 1] === 0x0a) end--
      if (block.bytes[end - 1] === 0x0d && block.newLine[i + 1] === true) end--
      rows.push({ text: block.bytes.toString('utf8', start, end), line: block.newLine[i] ? line + 1 : null })
    }
    return rows
  }

  /** Absolute view offset where `row` starts; call once indexing is done. */
  async rowStart(row: number): Promise<number> {
    this.throwIfFailed()
    if (row <= 0) return 0
    if (row >= this.rowCount) return this.indexedBytes
    const block = await this.block(row, row + 1)
    return block.starts[row - block.firstRow] ?? block.end
  }

  /**
   * Row and row start of each view offset (ascending), from the nearest kept row start: a binary search and one
   * re-split block per distinct block, so search never splits the whole body. Call once indexing is done.
   */
  async locate(positions: readonly number[]): Promise<Array<{ row: number; start: number }>> {
    this.throwIfFailed()
    const slots = Math.ceil(this.rowCount / BLOCK_ROWS)
    const found: Array<{ row: number; start: number }> = []
    let cached = null as { slot: number; block: Block } | null
    for (const position of positions) {
      let lo = 0
      let hi = slots - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if ((this.offsets[mid] ?? 0) <= position) lo = mid
        else hi = mid - 1
      }
      if (cached?.slot !== lo) cached = { slot: lo, block: await this.block(lo * BLOCK_ROWS, lo * BLOCK_ROWS + 1) }
      const starts = cached.block.starts
      let index = 0
      while (index + 1 < starts.length && (starts[index + 1] ?? Infinity) <= position && lo * BLOCK_ROWS + index + 1 < this.rowCount) index++
      found.push({ row: lo * BLOCK_ROWS + index, start: starts[index] ?? 0 })
    }
    return found
  }

  /** Reads view bytes (only below indexedBytes, which are on disk). */
  async readView(position: number, length: number): Promise<Buffer> {
    this.throwIfFailed()
    const end = Math.min(this.indexedBytes, position + length)
    if (end <= position) return Buffer.alloc(0)
    this.reader ??= this.mode === 'raw' ? await maskedStoredSource(this.source, this.secrets) : await fileSource(this.prettyPath)
    return this.reader.read(position, end - position)
  }

  async dispose(): Promise<void> {
    this.stopped = true
    await this.finished
    await this.reader?.close().catch(() => undefined)
    this.reader = null
    if (this.mode === 'pretty') await rm(this.prettyPath, { force: true }).catch(() => undefined)
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure instanceof AppError ? this.failure : new AppError('INTERNAL', `Could not index the response body: ${this.failure.message}`)
  }

  /** Reads rows [from, to) plus the rest of their blocks, re-split from the nearest kept row start. */
  private async block(from: number, to: number): Promise<Block> {
    const first = Math.floor(from / BLOCK_ROWS)
    const after = Math.floor((to - 1) / BLOCK_ROWS) + 1
    const start = this.offsets[first] ?? 0
    const end = after * BLOCK_ROWS < this.rowCount ? (this.offsets[after] ?? this.indexedBytes) : this.indexedBytes
    const bytes = await this.readView(start, end - start)
    const starts = [start]
    const newLine = [this.newLines[first] === 1]
    new RowSplitter(start).feed(bytes, start, (rowStart, isNewLine) => {
      starts.push(rowStart)
      newLine.push(isNewLine)
    })
    return { bytes, starts, newLine, firstRow: first * BLOCK_ROWS, firstLine: this.lines[first] ?? 0, end }
  }

  private async build(): Promise<void> {
    const input = await maskedStoredSource(this.source, this.secrets)
    const splitter = new RowSplitter(0)
    const onRow = (start: number, newLine: boolean): void => this.addRow(start, newLine)
    const output = this.mode === 'pretty' ? await open(this.prettyPath, 'wx', 0o600) : null
    const reindenter = new JsonReindenter()
    try {
      while (this.sourceBytes < this.source.size && !this.stopped) {
        const chunk = await input.read(this.sourceBytes, READ_CHUNK)
        if (chunk.length === 0) break
        if (output === null) {
          splitter.feed(chunk, this.indexedBytes, onRow)
          this.indexedBytes += chunk.length
        } else {
          const pieces: Buffer[] = []
          reindenter.push(chunk, (bytes) => pieces.push(bytes))
          if (this.sourceBytes + chunk.length >= this.source.size) reindenter.end((bytes) => pieces.push(bytes))
          await output.writev(pieces)
          for (const piece of pieces) {
            splitter.feed(piece, this.indexedBytes, onRow)
            this.indexedBytes += piece.length
          }
        }
        this.sourceBytes += chunk.length
      }
    } finally {
      await output?.close()
      await input.close()
      this.done = true
    }
  }

  private addRow(start: number, newLine: boolean): void {
    const row = this.rowCount++
    if (newLine) this.line++
    if (row % BLOCK_ROWS !== 0) return
    const slot = row / BLOCK_ROWS
    if (slot >= this.offsets.length) this.grow()
    this.offsets[slot] = start
    this.lines[slot] = this.line
    this.newLines[slot] = newLine ? 1 : 0
  }

  private grow(): void {
    const size = this.offsets.length * 2
    const offsets = new Float64Array(size)
    offsets.set(this.offsets)
    const lines = new Float64Array(size)
    lines.set(this.lines)
    const newLines = new Uint8Array(size)
    newLines.set(this.newLines)
    this.offsets = offsets
    this.lines = lines
    this.newLines = newLines
  }
}
