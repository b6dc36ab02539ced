import type { KeyValue } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { redactUrl } from '@shared/redaction/redact'

/** RFC 7230 `token`: what a method or header name may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
const FORBIDDEN_VALUE_CHAR = /[\r\n\0]/
/** What undici (and HTTP/1.1) can put in a field value besides CR/LF/NUL: tab, visible ASCII, obs-text. */
const OTHER_BAD_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/u

export function validateMethod(method: string): string {
  const trimmed = method.trim()
  if (trimmed === '') throw new AppError('INVALID_INPUT', 'The request method is empty.')
  if (!TOKEN.test(trimmed)) {
    const bad = [...trimmed].find((ch) => !TOKEN.test(ch)) ?? ''
    throw new AppError(
      'INVALID_INPUT',
      `The request method "${trimmed.slice(0, 32)}" contains ${describeChar(bad)}, which is not allowed in a method name.`
    )
  }
  // Methods are case-sensitive on the wire; the well-known ones are normalised because users type "get".
  const upper = trimmed.toUpperCase()
  return ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE'].includes(upper) ? upper : trimmed
}

function describeChar(ch: string): string {
  if (ch === ' ') return 'a space'
  if (ch === '\r') return 'a carriage return (CR)'
  if (ch === '\n') return 'a line feed (LF)'
  if (ch === '\0') return 'a NUL character'
  if (ch === '\t') return 'a tab'
  const code = ch.codePointAt(0) ?? 0
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return code < 0x20 || code === 0x7f ? `control character ${hex}` : `"${ch}" (${hex})`
}

/** Parses the URL, checks the scheme and host, and appends the enabled query rows (keeping any query already there). */
export function buildUrl(raw: string, query: readonly KeyValue[]): URL {
  const text = raw.trim()
  if (text === '') throw new AppError('INVALID_URL', 'The URL is empty.', 'Enter an absolute URL such as https://host/path.')
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)
  if (!scheme) {
    throw new AppError(
      'INVALID_URL',
      `The URL "${redactUrl(text).slice(0, 200)}" has no scheme.`,
      'Start it with https:// or http://, or set a base URL in the environment.'
    )
  }
  const protocol = (scheme[1] ?? '').toLowerCase()
  if (protocol !== 'http' && protocol !== 'https') {
    throw new AppError('UNSUPPORTED_SCHEME', `The URL scheme "${protocol}:" is not supported; only http and https are.`)
  }
  if (/\s/.test(text)) {
    const at = text.search(/\s/)
    throw new AppError('INVALID_URL', `The URL contains whitespace at character ${at + 1}; encode it as %20.`)
  }
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('INVALID_URL', `The URL "${redactUrl(text).slice(0, 200)}" is not valid: ${urlProblem(text)}.`)
  }
  if (url.hostname === '') throw new AppError('INVALID_URL', 'The URL has no host name.')
  for (const row of query) {
    if (!row.enabled) continue
    if (row.name === '' && row.value === '') continue
    url.searchParams.append(row.name, row.value)
  }
  return url
}

/** Best-effort explanation of why WHATWG URL parsing failed. */
function urlProblem(text: string): string {
  const afterScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/*/i, '')
  const authority = afterScheme.split(/[/?#]/, 1)[0] ?? ''
  const host = authority.slice(authority.lastIndexOf('@') + 1)
  if (host === '') return 'the host name is missing'
  const port = /:([^:\]]*)$/.exec(host)
  if (port && !/^\d*$/.test(port[1] ?? '')) return `the port "${port[1]}" is not a number`
  if (port && Number(port[1]) > 65535) return `the port ${port[1]} is out of range (0-65535)`
  if (/[<>^`{|}\\"]/.test(host)) return 'the host name contains a character that is not allowed'
  return 'check the host name and port'
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
    if (!TOKEN.test(name)) {
      const bad = [...name].find((ch) => !TOKEN.test(ch)) ?? ''
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
