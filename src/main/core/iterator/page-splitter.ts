/**
 * Splits a Data Export page `{..., "result": [ {...}, {...} ], ...}` while its decoded body streams in, at the byte
 * level: each record's bytes are copied once into a page buffer as NDJSON (record + "\n"), and everything outside
 * the records (ok, wait_time, timestamp_hwm ...) is kept as a small "rest" document with `"result":[]`.
 * Doing this per chunk overlaps the work with the download instead of adding it after the page (operation=next
 * cannot start before the page is done), and no whole-page string is ever built.
 *
 * Records are not validated beyond their structure (strings, braces), as before: the export holds the server's
 * bytes. A body of another shape (a non-object in the result array, no top-level result array, cut off) makes
 * `finish()` return null; the caller then parses `body()`, which is rebuilt from what was split (JSON-equivalent:
 * only whitespace and separators differ) plus the unscanned bytes from where the split failed. Keeping every
 * chunk for that rare case instead held a whole ~10 MB page of buffers per page in memory.
 */
/** The bytes the splitter looks at. */
const enum Byte { Quote = 34, Backslash = 92, OpenBrace = 123, CloseBrace = 125, OpenBracket = 91, CloseBracket = 93,
  Comma = 44, Newline = 10, Return = 13, Space = 32 }
const RESULT_KEY = Buffer.from('result')
const EMPTY_ARRAY = Buffer.from('[]')
const OPEN_ARRAY = Buffer.from('[')
const CLOSE_ARRAY = Buffer.from(']')
const INITIAL_CAPACITY = 1024 * 1024

const enum Phase { Before, Between, Record, After, Failed }

export interface SplitPage {
  /** The records as NDJSON: each record's bytes followed by "\n". */
  ndjson: Buffer
  /** Byte offset in `ndjson` where each record starts. */
  starts: number[]
  /** The body without its records (`"result":[]`), for JSON.parse. */
  rest: Buffer
}

export class PageSplitter {
  private phase = Phase.Before
  private depth = 0
  /** A string runs on into the next chunk; `escaped`: its last byte was an unpaired backslash. */
  private inString = false
  private escaped = false
  /** Parts of a top-level key that runs on into the next chunk, and the last complete top-level key (or string). */
  private keyParts: Buffer[] | null = null
  private lastKey: Buffer | null = null
  private out: Buffer
  private used = 0
  private readonly starts: number[] = []
  private readonly rest: Buffer[] = []
  /** How many parts of `rest` come before the result array. */
  private prefixParts = -1
  /** Chunks kept while the result array has not started (the few bytes before it), for `body()`. */
  private readonly before: Buffer[] = []
  /** Commas after the last record, and the unscanned bytes from where the split failed: for `body()`. */
  private commas = 0
  private readonly failed: Buffer[] = []

  /**
   * `scratch`: a buffer to fill (the previous page's, whose records are no longer used), handed back grown if the
   * page needed more. A fresh ~10 MB buffer per page (plus its doublings) was external memory that kept the GC busy.
   */
  constructor(private readonly scratch: { buffer: Buffer | null } = { buffer: null }) {
    this.out = scratch.buffer ?? Buffer.allocUnsafe(INITIAL_CAPACITY)
    scratch.buffer = this.out
  }

  /** Feeds the next decoded chunk. Never throws: a body of another shape only marks the split as failed. */
  readonly write = (chunk: Buffer): void => {
    if (chunk.length === 0) return
    if (this.phase === Phase.Failed) {
      this.failed.push(chunk)
      return
    }
    if (this.phase === Phase.After) {
      this.rest.push(chunk)
      return
    }
    if (this.phase === Phase.Before) this.before.push(chunk)
    this.scan(chunk)
  }

  /** The body received so far, as one buffer that parses like it (for the slow path). */
  body(): Buffer {
    if (this.prefixParts === -1) return Buffer.concat([...this.before, ...this.failed])
    // The records' NDJSON back into an array: the "\n" ending each record becomes the comma that separated it.
    const records = Buffer.from(this.out.subarray(0, this.used))
    for (const start of this.starts) if (start > 0) records[start - 1] = Byte.Comma
    const open = this.phase === Phase.Record // cut off inside a record: it has no "\n" yet
    const items = open || records.length === 0 ? records : records.subarray(0, records.length - 1)
    const prefix = this.rest.slice(0, this.prefixParts)
    if (this.phase === Phase.After) return Buffer.concat([...prefix, OPEN_ARRAY, items, CLOSE_ARRAY, ...this.rest.slice(this.prefixParts + 1)])
    return Buffer.concat([...prefix, OPEN_ARRAY, items, Buffer.alloc(this.commas, Byte.Comma), ...this.failed])
  }

  /** The split page, or null when the body was not of the expected shape or ended early. */
  finish(): SplitPage | null {
    // After the array only `rest` is kept, unscanned: JSON.parse of it finds a body cut off after the records.
    if (this.phase !== Phase.After) return null
    return { ndjson: this.out.subarray(0, this.used), starts: this.starts, rest: Buffer.concat(this.rest) }
  }

  private scan(chunk: Buffer): void {
    let depth = this.depth
    let phase: Phase = this.phase
    // Start of the part of `chunk` not yet copied to `rest` (Before) or to the record buffer (Record).
    let from = 0
    const length = chunk.length
    let i = 0
    if (this.inString) {
      const end = this.closingQuote(chunk, 0)
      if (end === -1) {
        this.keyParts?.push(chunk)
        i = length
      } else {
        this.inString = false
        if (this.keyParts !== null) this.endKey(chunk.subarray(0, end))
        i = end + 1
      }
    }
    for (; i < length; i++) {
      const c = chunk[i] as number
      if (c === Byte.Quote && phase === Phase.Between) {
        phase = Phase.Failed // a string in the result array: not a record (it used to be skipped and lost)
        this.failed.push(chunk.subarray(i))
        break
      }
      if (c === Byte.Quote) {
        // Strings are most of a page: find their end with indexOf (native) instead of byte by byte.
        const end = this.closingQuote(chunk, i + 1)
        const isKey = phase === Phase.Before && depth === 1
        if (end === -1) {
          this.inString = true
          if (isKey) this.keyParts = [chunk.subarray(i + 1)]
          break
        }
        if (isKey) this.lastKey = chunk.subarray(i + 1, end)
        i = end
        continue
      }
      if (phase === Phase.Record) {
        if (c === Byte.OpenBrace || c === Byte.OpenBracket) depth++
        else if (c === Byte.CloseBrace || c === Byte.CloseBracket) {
          if (--depth === 2) {
            this.copy(chunk, from, i + 1)
            this.putByte(Byte.Newline)
            phase = Phase.Between
          }
        } else if (c === Byte.Newline || c === Byte.Return) {
          // Insignificant whitespace inside a record (strings cannot hold raw line breaks): one NDJSON line each.
          this.copy(chunk, from, i)
          this.putByte(Byte.Space)
          from = i + 1
        }
        continue
      }
      if (phase === Phase.Between) {
        if (c === Byte.OpenBrace) {
          this.commas = 0
          this.starts.push(this.used)
          phase = Phase.Record
          depth = 3
          from = i
        } else if (c === Byte.CloseBracket) {
          depth = 1
          phase = Phase.After
          this.rest.push(EMPTY_ARRAY, chunk.subarray(i + 1))
          break
        } else if (c === Byte.Comma) {
          this.commas++
        } else if (c > Byte.Space) {
          phase = Phase.Failed // a number, string or literal in the result array: not records
          this.failed.push(chunk.subarray(i))
          break
        }
        continue
      }
      // Before the result array: track depth and the current top-level key.
      if (c === Byte.OpenBrace || c === Byte.OpenBracket) {
        if (depth === 1 && c === Byte.OpenBracket && this.lastKey?.equals(RESULT_KEY)) {
          this.rest.push(chunk.subarray(from, i))
          this.prefixParts = this.rest.length
          this.before.length = 0
          phase = Phase.Between
          depth = 2
          continue
        }
        depth++
      } else if (c === Byte.CloseBrace || c === Byte.CloseBracket) {
        if (--depth <= 0) {
          phase = Phase.Failed // the top-level value ended without a result array
          break
        }
      } else if (depth === 1 && c === Byte.Comma) {
        this.lastKey = null
      }
    }
    if (phase === Phase.Before) this.rest.push(from === 0 ? chunk : chunk.subarray(from))
    else if (phase === Phase.Record) this.copy(chunk, from, length)
    this.depth = depth
    this.phase = phase
  }

  /** A key string that began in an earlier chunk ends in this one. */
  private endKey(tail: Buffer): void {
    this.lastKey = Buffer.concat([...(this.keyParts ?? []), tail])
    this.keyParts = null
  }

  /**
   * Index of the quote closing a string whose content starts at `from`, or -1 when the chunk ends first (then
   * `escaped` says whether the chunk ended on an unpaired backslash, which escapes the next chunk's first byte).
   */
  private closingQuote(chunk: Buffer, from: number): number {
    let lower = from
    if (this.escaped) {
      this.escaped = false
      lower++
    }
    for (let at = lower; ; ) {
      const quote = chunk.indexOf(Byte.Quote, at)
      const end = quote === -1 ? chunk.length : quote
      let slashes = 0
      for (let k = end - 1; k >= lower && chunk[k] === Byte.Backslash; k--) slashes++
      if (quote === -1) {
        this.escaped = slashes % 2 === 1
        return -1
      }
      if (slashes % 2 === 0) return quote
      at = quote + 1
    }
  }

  private copy(chunk: Buffer, from: number, to: number): void {
    const size = to - from
    if (size <= 0) return
    this.reserve(size)
    chunk.copy(this.out, this.used, from, to)
    this.used += size
  }

  private putByte(byte: number): void {
    this.reserve(1)
    this.out[this.used++] = byte
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.out.length) return
    const grown = Buffer.allocUnsafe(Math.max(this.out.length * 2, this.used + extra))
    this.out.copy(grown, 0, 0, this.used)
    this.out = grown
    this.scratch.buffer = grown
  }
}
