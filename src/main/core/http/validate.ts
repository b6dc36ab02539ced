import type { KeyValue } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { redactUrl } from '@shared/redaction/redact'
import { describeChar, HTTP_TOKEN as TOKEN } from '@shared/model/http-fields'

export { validateHeaders } from '@shared/model/http-fields'

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
