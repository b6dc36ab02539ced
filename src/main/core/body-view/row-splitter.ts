/**
 * Cuts a byte stream into display rows: a row ends at "\n" or, for long lines, once it holds ROW_BYTES bytes (cut
 * before the next character start, so every row decodes as UTF-8 on its own). Deterministic and restartable at any
 * row start, which is what lets the index keep only every 64th row start and re-split a block on demand.
 */

/** Long lines are folded into rows of about this many bytes: a fixed row height needs no wrapping in the viewer. */
export const ROW_BYTES = 1024

const NEWLINE = 0x0a

export class RowSplitter {
  /** Absolute offset where the current (open) row starts. */
  rowStart: number
  /** The row reached ROW_BYTES: it ends before the next byte that is not a UTF-8 continuation byte. */
  private pendingCut = false

  constructor(
    start = 0,
    private readonly rowBytes = ROW_BYTES
  ) {
    this.rowStart = start
  }

  /**
   * Feeds the next bytes (at absolute offset `base`, directly after the previous call's bytes). Calls `onRow` with
   * the start offset of every row that begins after the bytes seen so far and whether it is the start of a new line
   * (false = a folded continuation of a long line).
   */
  feed(bytes: Uint8Array, base: number, onRow: (start: number, newLine: boolean) => void): void {
    const length = bytes.length
    let i = 0
    // Position of the next "\n" at or after i, -1 when there is none in this buffer (searched lazily, reused).
    let nextNewline = -2
    while (i < length) {
      if (this.pendingCut) {
        while (i < length && ((bytes[i] ?? 0) & 0xc0) === 0x80) i++
        if (i === length) return
        this.pendingCut = false
        if (bytes[i] === NEWLINE) {
          i++
          this.startRow(base + i, true, onRow)
        } else {
          this.startRow(base + i, false, onRow)
        }
        continue
      }
      if (nextNewline !== -1 && nextNewline < i) nextNewline = bytes.indexOf(NEWLINE, i)
      const limit = this.rowStart + this.rowBytes - base
      if (nextNewline !== -1 && nextNewline < limit) {
        i = nextNewline + 1
        this.startRow(base + i, true, onRow)
        continue
      }
      if (limit >= length) return
      i = Math.max(i, limit)
      this.pendingCut = true
    }
  }

  private startRow(start: number, newLine: boolean, onRow: (start: number, newLine: boolean) => void): void {
    this.rowStart = start
    onRow(start, newLine)
  }
}
