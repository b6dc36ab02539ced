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
const OUT_BYTES = 256 * 1024

const isOpen = (byte: number): boolean => byte === 0x7b || byte === 0x5b
const isClose = (byte: number): boolean => byte === 0x7d || byte === 0x5d
const isSpace = (byte: number): boolean => byte === SPACE || byte === NEWLINE || byte === 0x0d || byte === 0x09

export class JsonReindenter {
  private depth = 0
  private inString = false
  private escaped = false
  /** A container was just opened: its first value goes on a new line, unless it closes at once ("{}"). */
  private pendingOpen = false
  private out = Buffer.allocUnsafe(OUT_BYTES)
  private used = 0

  /** Re-indents `input`; `emit` receives full output buffers (they are not reused after the call). */
  push(input: Uint8Array, emit: (bytes: Buffer) => void): void {
    const length = input.length
    let i = 0
    while (i < length) {
      if (this.inString) {
        i = this.copyString(input, i, emit)
        continue
      }
      const byte = input[i] ?? 0
      i++
      if (isSpace(byte)) continue
      if (isClose(byte)) {
        this.depth = Math.max(0, this.depth - 1)
        if (this.pendingOpen) this.pendingOpen = false
        else this.newline(emit)
        this.put(byte, emit)
        continue
      }
      if (this.pendingOpen) {
        this.pendingOpen = false
        this.newline(emit)
      }
      if (byte === COMMA) {
        this.put(byte, emit)
        this.newline(emit)
      } else if (byte === COLON) {
        this.put(byte, emit)
        this.put(SPACE, emit)
      } else {
        this.put(byte, emit)
        if (isOpen(byte)) {
          this.depth++
          this.pendingOpen = true
        } else if (byte === QUOTE) {
          this.inString = true
          this.escaped = false
        }
      }
    }
  }

  /** Emits what is buffered. */
  end(emit: (bytes: Buffer) => void): void {
    if (this.used > 0) emit(Buffer.from(this.out.subarray(0, this.used)))
    this.used = 0
  }

  /** Copies string bytes verbatim up to and including the closing quote; returns the next input index. */
  private copyString(input: Uint8Array, from: number, emit: (bytes: Buffer) => void): number {
    let i = from
    const length = input.length
    while (i < length) {
      const byte = input[i] ?? 0
      if (this.escaped) this.escaped = false
      else if (byte === BACKSLASH) this.escaped = true
      else if (byte === QUOTE) {
        this.inString = false
        i++
        break
      }
      i++
    }
    this.putBytes(input.subarray(from, i), emit)
    return i
  }

  private newline(emit: (bytes: Buffer) => void): void {
    this.put(NEWLINE, emit)
    const spaces = 2 * Math.min(this.depth, MAX_INDENT_DEPTH)
    if (this.used + spaces > this.out.length) this.flush(emit)
    this.out.fill(SPACE, this.used, this.used + spaces)
    this.used += spaces
  }

  private put(byte: number, emit: (bytes: Buffer) => void): void {
    if (this.used === this.out.length) this.flush(emit)
    this.out[this.used++] = byte
  }

  private putBytes(bytes: Uint8Array, emit: (bytes: Buffer) => void): void {
    if (this.used + bytes.length > this.out.length) this.flush(emit)
    if (bytes.length > this.out.length) {
      emit(Buffer.from(bytes))
      return
    }
    this.out.set(bytes, this.used)
    this.used += bytes.length
  }

  private flush(emit: (bytes: Buffer) => void): void {
    if (this.used === 0) return
    emit(this.out.subarray(0, this.used))
    this.out = Buffer.allocUnsafe(OUT_BYTES)
    this.used = 0
  }
}
