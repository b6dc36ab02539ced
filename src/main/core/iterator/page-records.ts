/**
 * The records of one page as raw JSON text slices, cut out of the body without parsing them: NDJSON and JSON-array
 * exports write the server's own bytes (parse + stringify of 10,000 records per page costs more than the fetch).
 * Records are parsed only when needed (CSV, the preview, the first timestamp) and then cached.
 */
export type JsonRecord = Record<string, unknown>

export class PageRecords {
  private cache: JsonRecord[] | null

  constructor(
    readonly raw: readonly string[],
    parsed: JsonRecord[] | null = null
  ) {
    this.cache = parsed
  }

  static fromParsed(records: JsonRecord[]): PageRecords {
    return new PageRecords(records.map((record) => JSON.stringify(record)), records)
  }

  get length(): number {
    return this.raw.length
  }

  parsed(): JsonRecord[] {
    this.cache ??= this.raw.map((text) => JSON.parse(text) as JsonRecord)
    return this.cache
  }

  first(count: number): JsonRecord[] {
    return this.cache ? this.cache.slice(0, count) : this.raw.slice(0, count).map((text) => JSON.parse(text) as JsonRecord)
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
