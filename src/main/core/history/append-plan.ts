import type { HistoryEntry } from '@shared/collections/history-entry'
import type { EntryDescription } from './segments'

/**
 * A send waiting for the next batched append, already redacted and serialised: a flat line, not the request and
 * result objects, stays in memory until the write (holding those for the 25 ms window made them survive young
 * garbage collections, which then cost more than the sends themselves).
 */
export interface Pending {
  line: string
  lineBytes: number
  described: EntryDescription
  /** Only for record(), which resolves with the entry; add() (the send path) makes no promise per send. */
  waiter: { entry: HistoryEntry; resolve(entry: HistoryEntry): void; reject(error: unknown): void } | null
}

/** The lines of one batch that go to one segment, appended in one write. */
export interface Group {
  segment: number
  startBytes: number
  /** UTF-8 bytes of `lines` together. */
  bytes: number
  lines: string[]
  items: Array<{ pending: Pending; offset: number }>
}

/** Where the next append starts: the newest segment, its size, and whether its last line lacks a newline. */
export interface AppendStart {
  segment: number
  bytes: number
  needsNewline: boolean
}

/** Lays a batch out over segments (a new one at maxSegment). Pure: HistoryStore commits the plan once it is written. */
export function planAppend(batch: Pending[], start: AppendStart, maxSegment: number): Group[] {
  const groups: Group[] = []
  let { segment, bytes, needsNewline } = start
  let group: Group | null = null
  for (const pending of batch) {
    const { line, lineBytes } = pending
    if (segment === 0 || (bytes > 0 && bytes + lineBytes > maxSegment)) {
      segment += 1
      bytes = 0
      needsNewline = false
    }
    if (!group || group.segment !== segment) {
      group = { segment, startBytes: bytes, bytes: 0, lines: [], items: [] }
      groups.push(group)
    }
    if (needsNewline) {
      group.lines.push('\n')
      group.bytes += 1
      bytes += 1
      needsNewline = false
    }
    group.lines.push(line)
    group.items.push({ pending, offset: bytes })
    group.bytes += lineBytes
    bytes += lineBytes
  }
  return groups
}

/** Tells record()'s callers; sends recorded by add() have no caller left to tell, so they are logged, once. */
export function fail(pendings: Pending[], error: unknown): void {
  let unreported = 0
  for (const pending of pendings) {
    if (pending.waiter) pending.waiter.reject(error)
    else unreported++
  }
  if (unreported === 0) return
  const reason = error instanceof Error ? error.message : 'unknown error'
  console.error(`[history] could not record ${unreported} send${unreported === 1 ? '' : 's'}:`, reason)
}
