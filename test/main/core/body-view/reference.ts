/** A deliberately simple (whole-buffer) model of how bodies are cut into rows, to check the streaming code against. */
export interface RefRow {
  start: number
  text: string
  line: number | null
}

export function referenceRows(bytes: Buffer, rowBytes = 1024): RefRow[] {
  const rows: RefRow[] = []
  let lineStart = 0
  let line = 0
  for (;;) {
    const newline = bytes.indexOf(0x0a, lineStart)
    const lineEnd = newline === -1 ? bytes.length : newline
    let start = lineStart
    line++
    let first = true
    // A line of N bytes becomes rows of rowBytes (rounded up to a character end); an exact multiple has no empty tail.
    do {
      let end = Math.min(lineEnd, start + rowBytes)
      while (end < lineEnd && ((bytes[end] ?? 0) & 0xc0) === 0x80) end++
      let textEnd = end
      if (end === lineEnd && bytes[textEnd - 1] === 0x0d && newline !== -1) textEnd--
      rows.push({ start, text: bytes.toString('utf8', start, textEnd), line: first ? line : null })
      first = false
      start = end
    } while (start < lineEnd)
    if (newline === -1) break
    lineStart = newline + 1
  }
  return rows
}

/** Every non-overlapping match (left to right), as row and byte column in the reference rows. */
export function referenceMatches(bytes: Buffer, needle: Buffer, rows: RefRow[]): Array<{ row: number; byteColumn: number }> {
  const found: Array<{ row: number; byteColumn: number }> = []
  let row = 0
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) {
    while (row + 1 < rows.length && (rows[row + 1]?.start ?? Infinity) <= at) row++
    found.push({ row, byteColumn: at - (rows[row]?.start ?? 0) })
  }
  return found
}
