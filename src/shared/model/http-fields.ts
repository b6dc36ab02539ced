import { AppError } from './errors'
import type { KeyValue } from './request'

/**
 * HTTP field rules shared by the engine (main/core/http/validate.ts) and the snippet generator, so a snippet is
 * refused for exactly the headers the app itself would refuse to send.
 */

/** RFC 7230 `token`: what a method or header name may contain. */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const FORBIDDEN_VALUE_CHAR = /[\r\n\0]/
/** What undici (and HTTP/1.1) can put in a field value besides CR/LF/NUL: tab, visible ASCII, obs-text. */
const OTHER_BAD_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/u

export function describeChar(ch: string): string {
  if (ch === ' ') return 'a space'
  if (ch === '\r') return 'a carriage return (CR)'
  if (ch === '\n') return 'a line feed (LF)'
  if (ch === '\0') return 'a NUL character'
  if (ch === '\t') return 'a tab'
  const code = ch.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return code < 0x20 || code === 0x7f ? `control character ${hex}` : `"${ch}" (${hex})`
}

/** Keeps enabled rows, trims names, and rejects names that are not tokens or values that could split the header. */
export function validateHeaders(rows: readonly KeyValue[]): [string, string][] {
  const pairs: [string, string][] = []
  rows.forEach((row, index) => {
    if (!row.enabled) return
    const name = row.name.trim()
    if (name === '' && row.value === '') return
    const where = `header row ${index + 1}`
    if (name === '') throw new AppError('INVALID_HEADER', `The header name in ${where} is empty.`)
    if (!HTTP_TOKEN.test(name)) {
      const bad = [...name].find((ch) => !HTTP_TOKEN.test(ch)) ?? ''
      throw new AppError(
        'INVALID_HEADER',
        `The header name "${name.slice(0, 100)}" (${where}) contains ${describeChar(bad)}; header names may only use letters, digits and !#$%&'*+-.^_\`|~.`
      )
    }
    const bad = FORBIDDEN_VALUE_CHAR.exec(row.value)
    if (bad) {
      throw new AppError(
        'INVALID_HEADER',
        `The value of header "${name}" (${where}) contains ${describeChar(bad[0])} at character ${bad.index + 1}; header values cannot contain CR, LF or NUL.`
      )
    }
    const other = OTHER_BAD_VALUE_CHAR.exec(row.value)
    if (other) {
      throw new AppError(
        'INVALID_HEADER',
        `The value of header "${name}" (${where}) contains ${describeChar(other[0])} at character ${other.index + 1}, which cannot be sent in a header (only tab, printable ASCII and Latin-1).`,
        'Percent-encode or base64-encode the value if the API expects non-Latin-1 text.'
      )
    }
    // Leading/trailing whitespace is not part of a field value (RFC 7230 3.2.4).
    pairs.push([name, row.value.trim()])
  })
  return pairs
}
