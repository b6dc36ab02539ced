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
  return !isUtf8(head.subarray(0, end))
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
