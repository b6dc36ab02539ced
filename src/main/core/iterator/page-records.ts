/**
 * The records of one page as the server's raw JSON, not parsed: NDJSON and JSON-array exports write the server's own
 * bytes (parse + stringify of 10,000 records per page costs more than the fetch). A streamed page arrives as NDJSON
 * bytes from the page splitter; the text fallback as string slices. Records are parsed only when needed (CSV, the
 * preview, the first timestamp) and then cached.
 */
export type JsonRecord = Record<string, unknown>

export class PageRecords {
  private cache: JsonRecord[] | null
  private texts: readonly string[] | null
  private lines: Buffer | null = null
  private starts: readonly number[] = []

  constructor(raw: readonly string[], parsed: JsonRecord[] | null = null) {
    this.texts = raw
    this.cache = parsed
  }

  get length(): number {
    return this.texts ? this.texts.length : this.starts.length
  }

  static fromParsed(records: JsonRecord[]): PageRecords {
    return new PageRecords(records.map((record) => JSON.stringify(record)), records)
  }

  /** Records as NDJSON bytes (each record then "\n") with each record's start offset, as the page splitter cut them. */
  static fromNdjson(ndjson: Buffer, starts: readonly number[]): PageRecords {
    const records = new PageRecords([])
    records.texts = null
    records.lines = ndjson
    records.starts = starts
    return records
  }

  /** Each record's JSON text (built on first use when the page came as bytes). */
  get raw(): readonly string[] {
    this.texts ??= this.starts.map((_, i) => this.text(i))
    return this.texts
  }

  /**
   * The page as NDJSON bytes, without building strings when the page came as bytes. Raw record text is one JSON
   * value; a line break in it can only be insignificant whitespace (strings escape them), so it becomes a space.
   */
  ndjson(): Buffer {
    if (this.lines) return this.lines
    if (this.length === 0) return Buffer.alloc(0)
    const oneLine = (text: string): string => (text.includes('\n') || text.includes('\r') ? text.replace(/[\r\n]+/g, ' ') : text)
    return Buffer.from(this.raw.map(oneLine).join('\n') + '\n')
  }

  parsed(): JsonRecord[] {
    this.cache ??= Array.from({ length: this.length }, (_, i) => JSON.parse(this.text(i)) as JsonRecord)
    return this.cache
  }

  first(count: number): JsonRecord[] {
    if (this.cache) return this.cache.slice(0, count)
    return Array.from({ length: Math.min(count, this.length) }, (_, i) => JSON.parse(this.text(i)) as JsonRecord)
  }

  private text(i: number): string {
    if (this.texts) return this.texts[i] ?? ''
    const end = (this.starts[i + 1] ?? this.lines?.length ?? 0) - 1 // without the "\n"
    return this.lines?.toString('utf8', this.starts[i], end) ?? ''
  }
}

const QUOTE = 34
const BACKSLASH = 92

/** Index of the quote that closes the string opened at `open`. -1 when the text ends first (a cut-off body). */
function stringEnd(text: string, open: number): number {
  let at = open
  for (;;) {
    at = text.indexOf('"', at + 1)
    if (at === -1) return -1
    let slashes = 0
    for (let k = at - 1; text.charCodeAt(k) === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return at
  }
}

/**
 * Splits `{..., "result": [ {...}, {...} ], ...}` into the object without its records (`"result":[]`, small, for
 * JSON.parse of ok / wait_time / timestamp_hwm) and the raw text of each record. Null when the body is not of that
 * shape (a non-object element, no top-level result array, or a body cut off): the caller then parses it whole.
 */
export function splitResultArray(text: string): { rest: string; raw: string[] } | null {
  let depth = 0
  let key: string | null = null
  let arrayStart = -1
  let elementStart = -1
  const raw: string[] = []
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      const end = stringEnd(text, i)
      if (end === -1) return null
      if (depth === 1 && arrayStart === -1) key = text.slice(i + 1, end)
      i = end
      continue
    }
    if (c === 123 || c === 91) { // { [
      if (arrayStart !== -1 && depth === 2) {
        if (c !== 123) return null
        elementStart = i
      }
      if (depth === 1 && c === 91 && key === 'result' && arrayStart === -1) arrayStart = i
      depth++
    } else if (c === 125 || c === 93) { // } ]
      depth--
      if (arrayStart !== -1 && depth === 2 && c === 125 && elementStart !== -1) {
        raw.push(text.slice(elementStart, i + 1))
        elementStart = -1
      } else if (arrayStart !== -1 && depth === 1 && c === 93) {
        return { rest: text.slice(0, arrayStart) + '[]' + text.slice(i + 1), raw }
      }
      if (depth < 0) return null
    } else if (arrayStart !== -1 && depth === 2 && c > 32 && c !== 44) {
      return null // a number, string or literal in the result array: not records
    } else if (depth === 1 && c === 44) {
      key = null
    }
  }
  return null
}
