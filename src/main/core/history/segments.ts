import { open, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { HistoryEntrySchema, type HistoryEntry, type HistorySummary } from '@shared/collections/history-entry'

const SEGMENT_NAME = /^history-(\d{6,})\.ndjson$/

export function segmentFile(dir: string, segment: number): string {
  return join(dir, `history-${String(segment).padStart(6, '0')}.ndjson`)
}

/** Segment numbers present in `dir`, oldest first. */
export async function listSegments(dir: string): Promise<number[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[]
    throw error
  })
  return names
    .map((name) => SEGMENT_NAME.exec(name)?.[1])
    .filter((digits): digits is string => digits !== undefined)
    .map(Number)
    .sort((a, b) => a - b)
}

/** Where an entry's line sits, so `get` reads just those bytes. */
export interface IndexedEntry {
  summary: HistorySummary
  /** Lower-cased "METHOD URL STATUS" for substring search. */
  haystack: string
  segment: number
  offset: number
  length: number
}

export function summarize(entry: HistoryEntry): HistorySummary {
  return {
    id: entry.id,
    time: entry.time,
    method: entry.request.method,
    url: entry.sentUrl ?? entry.request.url,
    status: entry.response?.status ?? null,
    durationMs: entry.response?.durationMs ?? null,
    sizeBytes: entry.response?.sizes.decodedBytes ?? null,
    errorCode: entry.error?.code ?? null,
    environmentId: entry.environmentId,
    run: entry.run === null
      ? null
      : { kind: entry.run.kind, pages: entry.run.pages, records: entry.run.records, stopReason: entry.run.stopReason, startedAt: entry.run.startedAt }
  }
}

/** What the index keeps of an entry, apart from where its line sits. */
export type EntryDescription = Pick<IndexedEntry, 'summary' | 'haystack'>

export function describeEntry(entry: HistoryEntry): EntryDescription {
  const summary = summarize(entry)
  const run = entry.run === null ? '' : ` iterator run ${entry.run.stopReason}`
  const haystack = `${summary.method} ${summary.url} ${entry.request.url} ${summary.status ?? summary.errorCode ?? ''}${run}`.toLowerCase()
  return { summary, haystack }
}

export function indexEntry(entry: HistoryEntry, segment: number, offset: number, length: number): IndexedEntry {
  return { ...describeEntry(entry), segment, offset, length }
}

/** A line of any known format (HISTORY_FORMAT): format 1 lines get format 2's defaults; newer or torn lines are null. */
export function parseLine(line: string): HistoryEntry | null {
  try {
    const parsed = HistoryEntrySchema.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export interface ScannedSegment {
  entries: IndexedEntry[]
  bytes: number
  /** Lines that did not parse (e.g. torn by a crash mid-append); they are skipped, never rewritten. */
  skipped: number
  /** False when the file does not end with a newline (a torn last line); the next append starts a new line. */
  endsWithNewline: boolean
}

export async function scanSegment(dir: string, segment: number): Promise<ScannedSegment> {
  const bytes = await readFile(segmentFile(dir, segment))
  const entries: IndexedEntry[] = []
  let skipped = 0
  let start = 0
  while (start < bytes.length) {
    let end = bytes.indexOf(0x0a, start)
    if (end < 0) end = bytes.length
    if (end > start) {
      const entry = parseLine(bytes.toString('utf8', start, end))
      if (entry) entries.push(indexEntry(entry, segment, start, end - start))
      else skipped++
    }
    start = end + 1
  }
  return { entries, bytes: bytes.length, skipped, endsWithNewline: bytes.length === 0 || bytes[bytes.length - 1] === 0x0a }
}

export async function readEntryAt(dir: string, at: IndexedEntry): Promise<HistoryEntry | null> {
  const handle = await open(segmentFile(dir, at.segment), 'r')
  try {
    const buffer = Buffer.alloc(at.length)
    await handle.read(buffer, 0, at.length, at.offset)
    return parseLine(buffer.toString('utf8'))
  } finally {
    await handle.close()
  }
}
