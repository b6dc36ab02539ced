/**
 * Streaming JSON pretty-printer working on tokens, not values: it re-indents bytes as they arrive (2 spaces, like
 * JSON.stringify(value, null, 2)) and never builds the document, so a 200 MB body costs one pass and a small buffer.
 * It does not validate: invalid JSON comes out re-indented but still invalid (the Raw view shows the original bytes).
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const NEWLINE = 0x0a
const SPACE = 0x20
/** Indentation stops growing here: a hostile, deeply nested body must not multiply its size on disk. */
const MAX_INDENT_DEPTH = 64
/** Room for any single step's output: one byte, or ": ", or a newline plus the deepest indentation. */
const STEP_BYTES = 2 + 2 * MAX_INDENT_DEPTH
const OUT_BYTES = 256 * 1024

export class JsonReindenter {
  private depth = 0
  private inString = false
  /** Inside a string, right after a backslash: the next byte is escaped (may carry over to the next input). */
  private escaped = false
  /** A container was just opened: its first value goes on a new line, unless it closes at once ("{}"). */
  private pendingOpen = false
  private out = Buffer.allocUnsafe(OUT_BYTES)
  private used = 0

  /** Re-indents `input`; `emit` receives output buffers (each a fresh buffer, not reused afterwards). */
  push(input: Buffer, emit: (bytes: Buffer) => void): void {
    const length = input.length
    let i = 0
    while (i < length) {
      if (this.inString) {
        i = this.copyString(input, i, emit)
        continue
      }
      const byte = input[i++] ?? 0
      if (byte === SPACE || byte === NEWLINE || byte === 0x0d || byte === 0x09) continue
      if (this.used + STEP_BYTES > this.out.length) this.flush(emit)
      if (byte === 0x7d || byte === 0x5d) {
        this.depth = this.depth > 0 ? this.depth - 1 : 0
        if (this.pendingOpen) this.pendingOpen = false
        else this.newline()
        this.out[this.used++] = byte
        continue
      }
      if (this.pendingOpen) {
        this.pendingOpen = false
        this.newline()
      }
      this.out[this.used++] = byte
      if (byte === COMMA) this.newline()
      else if (byte === COLON) this.out[this.used++] = SPACE
      else if (byte === 0x7b || byte === 0x5b) {
        this.depth++
        this.pendingOpen = true
      } else if (byte === QUOTE) {
        this.inString = true
      }
    }
  }

  /** Emits what is buffered. */
  end(emit: (bytes: Buffer) => void): void {
    this.flush(emit)
  }

  /**
   * Copies string bytes verbatim up to and including the closing quote; returns the next input index. A plain byte
   * loop: most JSON strings are a few bytes long, where native indexOf/copy calls cost more than they save.
   */
  private copyString(input: Buffer, from: number, emit: (bytes: Buffer) => void): number {
    const length = input.length
    let out = this.out
    let used = this.used
    let escaped = this.escaped
    let i = from
    while (i < length) {
      if (used === out.length) {
        this.used = used
        this.flush(emit)
        out = this.out
        used = 0
      }
      const byte = input[i++] ?? 0
      out[used++] = byte
      if (escaped) escaped = false
      else if (byte === BACKSLASH) escaped = true
      else if (byte === QUOTE) {
        this.inString = false
        break
      }
    }
    this.used = used
    this.escaped = escaped
    return i
  }

  /** Callers make room first (STEP_BYTES). */
  private newline(): void {
    this.out[this.used++] = NEWLINE
    // A loop, not Buffer.fill: a native call per line costs more than writing a few spaces.
    const end = this.used + 2 * Math.min(this.depth, MAX_INDENT_DEPTH)
    for (let at = this.used; at < end; at++) this.out[at] = SPACE
    this.used = end
  }

  private flush(emit: (bytes: Buffer) => void): void {
    if (this.used === 0) return
    emit(this.out.subarray(0, this.used))
    this.out = Buffer.allocUnsafe(OUT_BYTES)
    this.used = 0
  }
}
