import { randomUUID } from 'node:crypto'
import { mkdir, open, rm, unlink, type FileHandle } from 'node:fs/promises'
import { HistoryQuerySchema, type HistoryEntry, type HistoryPage, type HistoryQuery } from '@shared/collections/history-entry'
import { AppError } from '@shared/model/errors'
import { buildHistoryEntry, HISTORY_PREVIEW_BYTES, type HistoryInput } from './build-entry'
import { maskHistoryInput } from './mask-input'
import { describeEntry, listSegments, readEntryAt, scanSegment, segmentFile, type IndexedEntry } from './segments'
import { fail, planAppend, type Group, type Pending } from './append-plan'

export interface HistoryOptions {
  /** Total bytes kept on disk; the oldest segment is dropped when a new entry would exceed it. Default 20 MB. */
  maxTotalBytes?: number
  /** Size at which a new segment starts. Default maxTotalBytes / 10 (at least 256 KB). */
  maxSegmentBytes?: number
  /** Response body preview kept per entry. Default 8 KB. */
  previewBytes?: number
  /** JSON/text request body kept per entry. Default 64 KB. */
  requestBodyBytes?: number
  now?: () => Date
  newId?: () => string
}

export interface HistoryStats {
  entries: number
  bytes: number
  segments: number
  /** Lines skipped on load because they did not parse (a crash mid-append can tear the last line). */
  skippedLines: number
}

interface Segment {
  id: number
  bytes: number
}

/**
 * Sends back to back share one append per this interval; a lone send is written at once. A crash can lose at most
 * this much history; close() and every read write the waiting batch first. 25 ms, not 4: an append costs ~200 µs,
 * which at 4 ms was ~10 µs per loopback send (profiled history flush 28 -> 17 µs per send). */
const WRITE_INTERVAL_MS = 25

/**
 * History of sent requests as append-only NDJSON segments (`history-000001.ndjson`, ...) in one folder. An entry
 * is one line appended in one write; a torn line from a crash is skipped on load and never rewritten. The total
 * stays under `maxTotalBytes` by deleting whole old segments. An in-memory index (summaries + byte offsets) makes
 * search cheap and `get` read only one line.
 */
export class HistoryStore {
  private readonly maxTotal: number
  private readonly maxSegment: number
  private readonly options: Required<Pick<HistoryOptions, 'previewBytes' | 'requestBodyBytes' | 'now' | 'newId'>>
  private index: IndexedEntry[] = []
  private segments: Segment[] = []
  private skippedLines = 0
  private needsNewline = false
  private loaded: Promise<void> | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private pending: Pending[] = []
  /** The newest segment stays open for appends: one write per batch instead of open + write + close per entry. */
  private handle: { segment: number; file: FileHandle } | null = null
  private startNewSegment = false
  private flushTimer: NodeJS.Timeout | null = null
  private lastFlushAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly dir: string,
    options: HistoryOptions = {}
  ) {
    this.maxTotal = options.maxTotalBytes ?? 20 * 1024 * 1024
    this.maxSegment = Math.min(this.maxTotal, options.maxSegmentBytes ?? Math.max(256 * 1024, Math.floor(this.maxTotal / 10)))
    this.options = {
      previewBytes: options.previewBytes ?? HISTORY_PREVIEW_BYTES,
      requestBodyBytes: options.requestBodyBytes ?? 64 * 1024,
      now: options.now ?? (() => new Date()),
      newId: options.newId ?? randomUUID
    }
  }

  /** Runs after every queued task; a batch still waiting for its write slot is written first, keeping call order. */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    if (this.flushTimer !== null) {
      clearTimeout(this.flushTimer)
      this.flushTimer = null
      this.queueFlush()
    }
    const run = this.queue.then(() => this.ensureLoaded()).then(task)
    this.queue = run.catch(() => undefined)
    return run
  }

  private queueFlush(): void {
    this.lastFlushAt = performance.now()
    const run = this.queue.then(() => this.ensureLoaded()).then(() => this.flush())
    this.queue = run.catch(() => undefined)
  }

  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.load()
    return this.loaded
  }

  private async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    for (const id of await listSegments(this.dir)) {
      const scanned = await scanSegment(this.dir, id)
      this.segments.push({ id, bytes: scanned.bytes })
      this.index.push(...scanned.entries)
      this.skippedLines += scanned.skipped
      this.needsNewline = !scanned.endsWithNewline
    }
  }

  /**
   * Redacts, caps and appends one sent request; returns the entry as stored. Records that arrive while a write is
   * in flight are appended together by the next write (sends never wait on disk, and a burst of sends costs one
   * write); a search, get or stats issued after record() still runs after that write, in call order.
   */
  record(input: HistoryInput): Promise<HistoryEntry> {
    return new Promise<HistoryEntry>((resolve, reject) => {
      try {
        const entry = this.build(input)
        this.enqueue(entry, { entry, resolve, reject })
      } catch (error) {
        reject(error)
      }
    })
  }

  /**
   * record() for the send path: nothing to await and no promise per send (each one costs allocations and a
   * microtask on a path measured in microseconds); a failure is logged here. Built at once, not deferred: holding
   * the request and result objects until later made them survive young-generation GCs, which cost more.
   */
  add(input: HistoryInput): void {
    let entry: HistoryEntry
    try {
      entry = this.build(input)
    } catch (error) {
      console.error('[history] could not record a send:', error instanceof Error ? error.message : 'unknown error')
      return
    }
    this.enqueue(entry, null)
  }

  private build(input: HistoryInput): HistoryEntry {
    const { newId, now, previewBytes, requestBodyBytes } = this.options
    const time = input.finishedAt === undefined ? now() : new Date(input.finishedAt)
    // Every entry (add and record, in this thread or the worker) loses its send's secret values here.
    return buildHistoryEntry(maskHistoryInput(input, previewBytes), { id: newId(), time, previewBytes, requestBodyBytes })
  }

  private enqueue(entry: HistoryEntry, waiter: Pending['waiter']): void {
    const line = JSON.stringify(entry) + '\n'
    this.pending.push({ line, lineBytes: Buffer.byteLength(line), described: describeEntry(entry), waiter })
    // The first record of a batch queues its write, at most one per WRITE_INTERVAL_MS; later ones join the batch
    // until the write starts. (Each write costs tens of microseconds of main-thread time; per send, that was most
    // of the engine-overhead budget.)
    if (this.pending.length !== 1) return
    const wait = this.lastFlushAt + WRITE_INTERVAL_MS - performance.now()
    if (wait <= 0) this.queueFlush()
    else this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      this.queueFlush()
    }, wait)
  }

  private async flush(): Promise<void> {
    const written: Group[] = []
    let failure: { error: unknown } | null = null
    for (const group of this.plan(this.takePending())) {
      if (failure === null) {
        try {
          await this.append(group)
          written.push(group)
          continue
        } catch (error) {
          failure = { error }
          // A failed write may have left part of the batch in the file: later entries go to a fresh segment,
          // so every indexed offset stays right.
          this.startNewSegment = true
        }
      }
      // A failed write loses only its own entries (and those planned after it, whose offsets assumed it).
      fail(group.items.map((item) => item.pending), failure.error)
    }
    await this.enforceBound()
    for (const group of written) for (const { pending } of group.items) pending.waiter?.resolve(pending.waiter.entry)
  }

  private takePending(): Pending[] {
    const batch = this.pending
    this.pending = []
    return batch
  }

  /** Lays the batch out over segments without touching disk or state yet. */
  private plan(batch: Pending[]): Group[] {
    const tail = this.segments.at(-1)
    const start = { segment: tail?.id ?? 0, bytes: this.startNewSegment ? this.maxSegment : (tail?.bytes ?? 0), needsNewline: this.needsNewline }
    this.startNewSegment = false
    return planAppend(batch, start, this.maxSegment)
  }

  /** One write for the group; the index learns its entries only once they are on disk. */
  private async append(group: Group): Promise<void> {
    // Encoded straight into one buffer: a third of the time of join('') + Buffer.from for a batch of ~400 lines.
    const data = Buffer.allocUnsafe(group.bytes)
    let written = 0
    for (const line of group.lines) written += data.write(line, written)
    let segment = this.segments.at(-1)
    if (segment?.id !== group.segment) {
      // Listed before the write, so a failed write's partial file is never reused under the same number.
      segment = { id: group.segment, bytes: 0 }
      this.segments.push(segment)
    }
    if (this.handle?.segment !== group.segment) {
      await this.closeHandle()
      this.handle = { segment: group.segment, file: await open(segmentFile(this.dir, group.segment), 'a', 0o600) }
    }
    // O_APPEND: the bytes land at the end of the file whatever the handle's position.
    await this.handle.file.writeFile(data)
    segment.bytes = group.startBytes + data.length
    this.needsNewline = false
    for (const { pending, offset } of group.items) {
      // Fields named, not spread: a spread here was the costliest line of the append (~2 µs per entry).
      const { summary, haystack } = pending.described
      this.index.push({ summary, haystack, segment: group.segment, offset, length: pending.lineBytes - 1 })
    }
  }

  private async closeHandle(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.file.close()
  }

  /** Waits for every queued write, then closes the open segment (the app calls this on quit). */
  close(): Promise<void> {
    return this.serial(() => this.closeHandle())
  }

  private async enforceBound(): Promise<void> {
    let total = this.segments.reduce((sum, segment) => sum + segment.bytes, 0)
    while (total > this.maxTotal && this.segments.length > 1) {
      const oldest = this.segments.shift()
      if (!oldest) break
      await unlink(segmentFile(this.dir, oldest.id)).catch(() => undefined)
      // The index is in segment order: the oldest segment's entries are its head.
      const kept = this.index.findIndex((entry) => entry.segment !== oldest.id)
      this.index.splice(0, kept < 0 ? this.index.length : kept)
      total -= oldest.bytes
    }
  }

  /** Newest first. `text` matches method, URL or status as a case-insensitive substring; status "error": no response. */
  search(query: HistoryQuery = {}): Promise<HistoryPage> {
    const q = HistoryQuerySchema.parse(query)
    return this.serial(async () => {
      const text = q.text.trim().toLowerCase()
      const method = q.method?.trim().toUpperCase()
      const status = q.status?.trim().toLowerCase().replace(/x+$/, '')
      const failed = status === 'error'
      const matches: IndexedEntry[] = []
      for (let i = this.index.length - 1; i >= 0; i--) {
        const entry = this.index[i]
        if (!entry) continue
        if (text !== '' && !entry.haystack.includes(text)) continue
        if (method && entry.summary.method.toUpperCase() !== method) continue
        if (failed ? entry.summary.status !== null : status && !String(entry.summary.status ?? '').startsWith(status)) continue
        if (q.environmentId !== undefined && entry.summary.environmentId !== q.environmentId) continue
        matches.push(entry)
      }
      return { items: matches.slice(q.offset, q.offset + q.limit).map((entry) => entry.summary), total: matches.length }
    })
  }

  get(id: string): Promise<HistoryEntry> {
    return this.serial(async () => {
      const at = this.index.find((entry) => entry.summary.id === id)
      const entry = at ? await readEntryAt(this.dir, at) : null
      if (!entry) throw new AppError('NOT_FOUND', `History entry "${id}" no longer exists (history keeps the most recent ${Math.round(this.maxTotal / 1024 / 1024)} MB).`)
      return entry
    })
  }

  clear(): Promise<void> {
    return this.serial(async () => {
      await this.closeHandle()
      for (const segment of this.segments) await rm(segmentFile(this.dir, segment.id), { force: true })
      this.segments = []
      this.index = []
      this.skippedLines = 0
      this.needsNewline = false
    })
  }

  stats(): Promise<HistoryStats> {
    return this.serial(async () => ({
      entries: this.index.length,
      bytes: this.segments.reduce((sum, segment) => sum + segment.bytes, 0),
      segments: this.segments.length,
      skippedLines: this.skippedLines
    }))
  }
}
