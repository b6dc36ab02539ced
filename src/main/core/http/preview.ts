import { isUtf8 } from 'node:buffer'
import type { SendResult } from '@shared/model/response'
import { utf8CutBefore } from './utf8'
import { formatBytes } from './body-sink'

/** How far binary detection looks. */
const SNIFF_BYTES = 8192
const HEX_BYTES = 512

/** The preview shown at once: the first `previewBytes` as text, or a hex excerpt when the body looks binary. */
export function makePreview(head: Buffer, totalBytes: number, previewBytes: number): SendResult['preview'] {
  if (isBinary(head, totalBytes)) {
    const shown = head.subarray(0, Math.min(HEX_BYTES, head.length))
    const note = `[Binary body: ${formatBytes(totalBytes)}. First ${shown.length} bytes as hex:]`
    return { text: `${note}\n${hexDump(shown)}`, truncated: totalBytes > shown.length, binary: true }
  }
  if (totalBytes <= previewBytes) return { text: head.toString('utf8', 0, totalBytes), truncated: false, binary: false }
  const cut = utf8CutBefore(head, Math.min(previewBytes, head.length), 0)
  return { text: head.toString('utf8', 0, cut), truncated: true, binary: false }
}

export function isBinary(head: Buffer, totalBytes: number): boolean {
  const length = Math.min(SNIFF_BYTES, head.length)
  if (length === 0) return false
  const sniffed = head.subarray(0, length)
  if (sniffed.includes(0)) return true
  // A character cut by the sniff window is not an error; only bytes that can never be UTF-8 are.
  const end = length < totalBytes ? utf8CutBefore(head, length, 0) : length
  const text = head.subarray(0, end)
  if (isUtf8(text)) return false
  // A few bad sequences in text (a Latin-1 "é", a cut character) are shown as U+FFFD rather than hiding the whole
  // body as binary; real binary data decodes to replacement characters all over.
  return invalidSequences(text) * 20 > end
}

/** Replacement characters that decoding `bytes` as UTF-8 produces (beyond any U+FFFD encoded in the bytes). */
export function invalidSequences(bytes: Buffer): number {
  const decoded = bytes.toString('utf8')
  let produced = 0
  for (let at = decoded.indexOf('\uFFFD'); at >= 0; at = decoded.indexOf('\uFFFD', at + 1)) produced++
  let encoded = 0
  for (let at = bytes.indexOf(ENCODED_FFFD); at >= 0; at = bytes.indexOf(ENCODED_FFFD, at + 3)) encoded++
  return produced - encoded
}

const ENCODED_FFFD = Buffer.from('\uFFFD')

/** The warning for a text preview with invalid UTF-8 in it (null when it is all valid or shown as binary). */
export function invalidUtf8Warning(head: Buffer, totalBytes: number, preview: { binary: boolean }): string | null {
  if (preview.binary) return null
  const sniffed = head.subarray(0, totalBytes <= head.length ? totalBytes : utf8CutBefore(head, head.length, 0))
  if (isUtf8(sniffed)) return null
  const where = totalBytes > sniffed.length ? ' in its first part' : ''
  return `The body is not valid UTF-8${where}: ${invalidSequences(sniffed)} invalid byte sequence(s) are shown as \uFFFD; the saved bytes are unchanged.`
}

function hexDump(bytes: Buffer): string {
  const lines: string[] = []
  for (let offset = 0; offset < bytes.length; offset += 16) {
    const row = bytes.subarray(offset, offset + 16)
    const hex = [...row].map((byte) => byte.toString(16).padStart(2, '0')).join(' ')
    const ascii = [...row].map((byte) => (byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.')).join('')
    lines.push(`${offset.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  ${ascii}`)
  }
  return lines.join('\n')
}
