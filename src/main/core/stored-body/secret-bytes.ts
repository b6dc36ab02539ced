import { secretForms } from '@shared/redaction/secret-values'

/**
 * Masking of secret values in body bytes that the renderer pages through by byte offset (the preview, read-body,
 * rows, search). Same forms as maskSecretValues (src/shared/redaction/secret-values.ts), but each byte of a form
 * becomes "*", so the length stays the same and every offset main hands out (nextOffset, rows, match columns)
 * still points where it did.
 */
const MASK = 0x2a

export interface SecretBytes {
  forms: Buffer[]
  /** Bytes to read beyond each side of a window so that a form straddling its edge is seen whole. */
  margin: number
}

export function secretBytes(values: readonly string[]): SecretBytes | null {
  const forms = [...new Set(values.flatMap(secretForms))].map((form) => Buffer.from(form)).sort((a, b) => b.length - a.length)
  if (forms.length === 0) return null
  return { forms, margin: (forms[0]?.length ?? 1) - 1 }
}

/** Overwrites every form in place; with `openEnd`, also a tail that could be the start of one (the rest is unseen). */
export function maskInPlace(bytes: Buffer, secrets: SecretBytes, openEnd = false): Buffer {
  for (const form of secrets.forms) {
    for (let at = bytes.indexOf(form); at !== -1; at = bytes.indexOf(form, at + form.length)) bytes.fill(MASK, at, at + form.length)
  }
  if (openEnd) {
    for (const form of secrets.forms) {
      for (let length = Math.min(form.length - 1, bytes.length); length > 0; length--) {
        if (bytes.subarray(bytes.length - length).equals(form.subarray(0, length))) {
          bytes.fill(MASK, bytes.length - length)
          break
        }
      }
    }
  }
  return bytes
}

/**
 * Reads [start, end) of a body of `total` bytes with every secret form masked: reads `margin` more on each side,
 * masks, and returns the window (a copy, so a body kept in memory is never altered).
 */
export async function readMasked(
  read: (start: number, end: number) => Promise<Buffer>,
  total: number,
  secrets: SecretBytes,
  start: number,
  end: number
): Promise<Buffer> {
  const from = Math.max(0, start - secrets.margin)
  const to = Math.min(total, end + secrets.margin)
  const bytes = Buffer.from(await read(from, to))
  maskInPlace(bytes, secrets)
  return bytes.subarray(start - from, Math.max(start - from, Math.min(bytes.length, end - from)))
}
