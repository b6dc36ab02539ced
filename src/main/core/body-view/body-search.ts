import { AppError } from '@shared/model/errors'
import type { BodyMatch, BodySearchPage } from '@shared/model/body-view'
import type { BodyView } from './body-view'
import { ROW_BYTES } from './row-splitter'
import type { CancelSignal } from '../runs/run-signal'

const READ_CHUNK = 1024 * 1024
/** A page returns after scanning this much even without enough matches, so the caller can show progress. */
const SCAN_BUDGET = 64 * 1024 * 1024

export interface SearchOptions {
  query: string
  caseSensitive: boolean
  fromRow: number
  maxMatches: number
  /** Bytes scanned before a page returns without enough matches (default SCAN_BUDGET; tests use less). */
  scanBudget?: number
}

/** ASCII-only case folding: it never changes a byte's length, so offsets in the folded copy are the real offsets. */
const FOLD = new Uint8Array(256).map((_, byte) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte))

/**
 * Match offsets of `needle` in `haystack` (non-overlapping, left to right), at most `limit`. Case-insensitive search
 * finds candidates natively in a Latin-1 lower-cased copy (one byte per character, so offsets stay byte offsets;
 * it folds more than ASCII) and keeps those that match with ASCII-only folding, byte for byte.
 */
function findAll(haystack: Buffer, needle: Buffer, caseSensitive: boolean, limit: number): number[] {
  const found: number[] = []
  if (caseSensitive) {
    for (let at = haystack.indexOf(needle); at !== -1 && found.length < limit; at = haystack.indexOf(needle, at + needle.length)) found.push(at)
    return found
  }
  const text = haystack.toString('latin1').toLowerCase()
  const lowered = needle.toString('latin1').toLowerCase()
  for (let at = text.indexOf(lowered); at !== -1 && found.length < limit; ) {
    let same = true
    for (let i = 0; i < needle.length && same; i++) same = FOLD[haystack[at + i] ?? 0] === FOLD[needle[i] ?? 0]
    if (same) found.push(at)
    at = text.indexOf(lowered, same ? at + needle.length : at + 1)
  }
  return found
}

/**
 * One page of matches of `query` in the view's text, from `fromRow` on: streamed over the view's file in 1 MiB
 * reads (never all in memory), matches across read boundaries included, stopped by `signal` between reads. Rows are
 * found for the matches only (through the view's kept row starts), not by splitting everything scanned.
 */
export async function searchView(view: BodyView, options: SearchOptions, signal: CancelSignal): Promise<BodySearchPage> {
  await view.finished
  const needle = Buffer.from(options.query)
  if (needle.length === 0) throw new AppError('INVALID_INPUT', 'The search text is empty.')
  const viewBytes = view.viewBytes
  const scanStart = await view.rowStart(Math.max(0, Math.floor(options.fromRow)))
  // Enough to complete the row of the last wanted match (a row holds at most ROW_BYTES matches).
  const findLimit = options.maxMatches + ROW_BYTES
  const offsets: number[] = []
  let position = scanStart
  let tail = Buffer.alloc(0)
  let stopAt = viewBytes
  while (position < Math.min(stopAt, viewBytes)) {
    if (signal.aborted) throw new AppError('CANCELLED', 'The search was cancelled.')
    const chunk = await view.readView(position, READ_CHUNK)
    if (chunk.length === 0) break
    // The last needle-1 bytes of the previous read: a match that straddles the boundary is found here, once.
    const haystack = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    const base = position - tail.length
    for (const at of findAll(haystack, needle, options.caseSensitive, findLimit - offsets.length)) offsets.push(base + at)
    position += chunk.length
    tail = Buffer.from(haystack.subarray(Math.max(0, haystack.length - (needle.length - 1))))
    // Enough matches: read on until the row of the last wanted one is surely complete.
    if (offsets.length >= options.maxMatches && stopAt === viewBytes) stopAt = (offsets[options.maxMatches - 1] ?? 0) + ROW_BYTES + needle.length
    if (stopAt === viewBytes && position - scanStart >= (options.scanBudget ?? SCAN_BUDGET) && position < viewBytes) {
      // Matches in the row that holds `position` are found again by the next page, which starts at that row.
      const [open] = await view.locate([position])
      const located = await toMatches(view, offsets.filter((offset) => offset < (open?.start ?? position)), needle.length)
      return { matches: located, nextRow: open?.row ?? null, searchedBytes: open?.start ?? position, viewBytes }
    }
  }
  if (signal.aborted) throw new AppError('CANCELLED', 'The search was cancelled.')
  const matches = await toMatches(view, offsets, needle.length)
  if (matches.length <= options.maxMatches && position >= viewBytes) return { matches, nextRow: null, searchedBytes: viewBytes, viewBytes }
  // Keep the first maxMatches plus the rest of the last one's row, so the next page can start at the row after.
  const lastRow = matches[Math.min(options.maxMatches, matches.length) - 1]?.row ?? 0
  const kept = matches.filter((match) => match.row <= lastRow)
  const done = kept.length === matches.length && position >= viewBytes
  return { matches: kept, nextRow: done ? null : lastRow + 1, searchedBytes: Math.min(position, viewBytes), viewBytes }
}

async function toMatches(view: BodyView, offsets: number[], byteLength: number): Promise<BodyMatch[]> {
  const rows = await view.locate(offsets)
  return rows.map(({ row, start }, index) => ({ row, byteColumn: (offsets[index] ?? 0) - start, byteLength }))
}
