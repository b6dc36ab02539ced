import { AppError } from '@shared/model/errors'
import type { BodyMatch, BodySearchPage } from '@shared/model/body-view'
import type { BodyView } from './body-view'
import { ROW_BYTES, RowSplitter } from './row-splitter'

const READ_CHUNK = 1024 * 1024
/** A page returns after scanning this much even without enough matches, so the caller can show progress. */
const SCAN_BUDGET = 32 * 1024 * 1024

export interface SearchOptions {
  query: string
  caseSensitive: boolean
  fromRow: number
  maxMatches: number
}

/** ASCII-only case folding: it never changes a byte's length, so offsets in the folded copy are the real offsets. */
const FOLD = new Uint8Array(256).map((_, byte) => (byte >= 0x41 && byte <= 0x5a ? byte + 32 : byte))

function fold(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafe(bytes.length)
  for (let i = 0; i < bytes.length; i++) copy[i] = FOLD[bytes[i] ?? 0] ?? 0
  return copy
}

/**
 * One page of matches of `query` in the view's text, from `fromRow` on: streamed over the view's file in 1 MiB
 * reads (never all in memory), matches across read boundaries included, stopped by `signal` between reads.
 */
export async function searchView(view: BodyView, options: SearchOptions, signal: AbortSignal): Promise<BodySearchPage> {
  await view.finished
  const needle = options.caseSensitive ? Buffer.from(options.query) : fold(Buffer.from(options.query))
  if (needle.length === 0) throw new AppError('INVALID_INPUT', 'The search text is empty.')
  const viewBytes = view.viewBytes
  const from = Math.max(0, Math.floor(options.fromRow))
  let position = await view.rowStart(from)
  const splitter = new RowSplitter(position)
  let row = from
  let rowStart = position
  // Enough to complete the row of the last wanted match (a row holds at most ROW_BYTES matches).
  const findLimit = options.maxMatches + ROW_BYTES
  let pending: number[] = []
  let next = 0
  const matches: BodyMatch[] = []
  const assignUpTo = (limit: number): void => {
    while (next < pending.length && (pending[next] ?? 0) < limit) {
      matches.push({ row, byteColumn: (pending[next] ?? 0) - rowStart, byteLength: needle.length })
      next++
    }
  }
  let tail = Buffer.alloc(0)
  const scanStart = position
  while (position < viewBytes) {
    if (signal.aborted) throw new AppError('CANCELLED', 'The search was cancelled.')
    const chunk = await view.readView(position, READ_CHUNK)
    if (chunk.length === 0) break
    // The last needle-1 bytes of the previous read: a match that straddles the boundary is found here, once.
    const haystack = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk
    const folded = options.caseSensitive ? haystack : fold(haystack)
    const haystackStart = position - tail.length
    pending = []
    next = 0
    for (let at = folded.indexOf(needle); at !== -1 && matches.length + pending.length < findLimit; at = folded.indexOf(needle, at + needle.length)) {
      pending.push(haystackStart + at)
    }
    splitter.feed(chunk, position, (start) => {
      assignUpTo(start)
      row++
      rowStart = start
    })
    position += chunk.length
    assignUpTo(position)
    tail = Buffer.from(haystack.subarray(Math.max(0, haystack.length - (needle.length - 1))))
    // Only rows before the open one are complete; cut there once they hold enough matches.
    const complete = matches.findIndex((match) => match.row >= row)
    if ((complete === -1 ? matches.length : complete) >= options.maxMatches) return cutAtMatch(matches, options.maxMatches, position, viewBytes)
    if (position - scanStart >= SCAN_BUDGET && position < viewBytes) {
      // Matches in the still-open row are found again by the next page, which starts at that row.
      return { matches: matches.filter((match) => match.row < row), nextRow: row, searchedBytes: rowStart, viewBytes }
    }
  }
  return { matches, nextRow: null, searchedBytes: viewBytes, viewBytes }
}

/** Keeps the first `max` matches plus any others in the same row, so the next page can start at the row after. */
function cutAtMatch(matches: BodyMatch[], max: number, position: number, viewBytes: number): BodySearchPage {
  const lastRow = matches[max - 1]?.row ?? 0
  const kept = matches.filter((match) => match.row <= lastRow)
  const more = kept.length < matches.length || position < viewBytes
  return { matches: kept, nextRow: more ? lastRow + 1 : null, searchedBytes: position, viewBytes }
}
