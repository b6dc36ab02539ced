/** Byte-level UTF-8 helpers for cutting text on character boundaries without decoding. */

/** Length of the sequence a lead byte starts; 1 for ASCII and for bytes that cannot start a sequence. */
export function utf8SequenceLength(byte: number): number {
  if (byte >= 0xc2 && byte <= 0xdf) return 2
  if (byte >= 0xe0 && byte <= 0xef) return 3
  if (byte >= 0xf0 && byte <= 0xf4) return 4
  return 1
}

const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80

/** If `index` falls inside a character that started up to 3 bytes earlier, the index just after that character. */
export function utf8SkipContinuation(bytes: Uint8Array, index: number): number {
  if (index >= bytes.length || !isContinuation(bytes[index] ?? 0)) return index
  for (let lead = index - 1; lead >= 0 && lead >= index - 3; lead--) {
    const byte = bytes[lead] ?? 0
    if (isContinuation(byte)) continue
    const end = lead + utf8SequenceLength(byte)
    return end > index ? Math.min(end, bytes.length) : index
  }
  return index
}

/**
 * The largest cut position <= `end` (and >= `floor`) that does not split a character. With `wholeFirst`, the
 * position right after the first character at `floor` instead (for pages smaller than one character).
 */
export function utf8CutBefore(bytes: Uint8Array, end: number, floor: number, wholeFirst = false): number {
  if (wholeFirst) return Math.min(bytes.length, floor + utf8SequenceLength(bytes[floor] ?? 0))
  for (let lead = end - 1; lead >= floor && lead >= end - 3; lead--) {
    const byte = bytes[lead] ?? 0
    if (isContinuation(byte)) continue
    return lead + utf8SequenceLength(byte) > end ? lead : end
  }
  return end
}
