import { randomUUID } from 'node:crypto'
import { appendFile, mkdir, rm, unlink } from 'node:fs/promises'
import { HistoryQuerySchema, type HistoryEntry, type HistoryPage, type HistoryQuery } from '@shared/collections/history-entry'
import { AppError } from '@shared/model/errors'
import { buildHistoryEntry, type HistoryInput } from './build-entry'
import { indexEntry, listSegments, readEntryAt, scanSegment, segmentFile, type IndexedEntry } from './segments'

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

  constructor(
    private readonly dir: string,
    options: HistoryOptions = {}
  ) {
    this.maxTotal = options.maxTotalBytes ?? 20 * 1024 * 1024
    this.maxSegment = Math.min(this.maxTotal, options.maxSegmentBytes ?? Math.max(256 * 1024, Math.floor(this.maxTotal / 10)))
    this.options = {
      previewBytes: options.previewBytes ?? 8 * 1024,
      requestBodyBytes: options.requestBodyBytes ?? 64 * 1024,
      now: options.now ?? (() => new Date()),
      newId: options.newId ?? randomUUID
    }
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.ensureLoaded()).then(task)
    this.queue = run.catch(() => undefined)
    return run
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

  /** Redacts, caps and appends one sent request; returns the entry as stored. */
  record(input: HistoryInput): Promise<HistoryEntry> {
    return this.serial(async () => {
      const entry = buildHistoryEntry(input, {
        id: this.options.newId(),
        time: this.options.now(),
        previewBytes: this.options.previewBytes,
        requestBodyBytes: this.options.requestBodyBytes
      })
      const line = Buffer.from(JSON.stringify(entry) + '\n', 'utf8')
      let current = this.segments.at(-1)
      if (!current || (current.bytes > 0 && current.bytes + line.length > this.maxSegment)) {
        current = { id: (current?.id ?? 0) + 1, bytes: 0 }
        this.segments.push(current)
        this.needsNewline = false
      }
      const prefix = this.needsNewline ? Buffer.from('\n') : Buffer.alloc(0)
      await appendFile(segmentFile(this.dir, current.id), Buffer.concat([prefix, line]), { mode: 0o600 })
      this.needsNewline = false
      const offset = current.bytes + prefix.length
      current.bytes += prefix.length + line.length
      this.index.push(indexEntry(entry, current.id, offset, line.length - 1))
      await this.enforceBound()
      return entry
    })
  }

  private async enforceBound(): Promise<void> {
    let total = this.segments.reduce((sum, segment) => sum + segment.bytes, 0)
    while (total > this.maxTotal && this.segments.length > 1) {
      const oldest = this.segments.shift()
      if (!oldest) break
      await unlink(segmentFile(this.dir, oldest.id)).catch(() => undefined)
      this.index = this.index.filter((entry) => entry.segment !== oldest.id)
      total -= oldest.bytes
    }
  }

  /** Newest first. `text` matches method, URL or status as a case-insensitive substring. */
  search(query: HistoryQuery = {}): Promise<HistoryPage> {
    const q = HistoryQuerySchema.parse(query)
    return this.serial(async () => {
      const text = q.text.trim().toLowerCase()
      const method = q.method?.trim().toUpperCase()
      const status = q.status?.trim().toLowerCase().replace(/x+$/, '')
      const matches: IndexedEntry[] = []
      for (let i = this.index.length - 1; i >= 0; i--) {
        const entry = this.index[i]
        if (!entry) continue
        if (text !== '' && !entry.haystack.includes(text)) continue
        if (method && entry.summary.method.toUpperCase() !== method) continue
        if (status && !String(entry.summary.status ?? '').startsWith(status)) continue
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
