import { AppError } from '../model/errors'
import type { KeyValue, MultipartPart, RequestBody, RequestSpec } from '../model/request'
import { rewriteCredentials, type CredentialPlace } from './credential-walk'
import { readOptions, type ParsedOption } from './curl-options'
import { splitShellWords, withoutQuotedText } from './shell-words'

export interface CurlImport {
  request: RequestSpec
  flags: { insecure: boolean; compressed: boolean; followRedirects: boolean }
  /** Things imported approximately or skipped, in words a user understands. */
  warnings: string[]
  /** Credentials present in the command (names only), so the UI can offer to move them into the vault. */
  credentials: { where: CredentialPlace | 'user'; name: string }[]
}

/** True for text pasted into the URL bar that should be imported as a cURL command rather than used as a URL. */
export function looksLikeCurl(text: string): boolean {
  return /^\s*curl(\.exe)?(\s|$)/i.test(text)
}

function fail(message: string, hint?: string): never {
  throw new AppError('INVALID_INPUT', `Cannot import the cURL command: ${message}`, hint)
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

interface Collected {
  method: string | null
  urls: string[]
  headers: KeyValue[]
  data: string[]
  json: boolean
  parts: MultipartPart[]
  get: boolean
  head: boolean
  flags: CurlImport['flags']
  user: string | null
  warnings: string[]
}

function fileNotSupported(spelled: string, file: string): never {
  return fail(`${spelled} reads "${file}" from a file, which cannot be imported.`, 'Paste the file contents with --data-raw instead.')
}

function urlencodeData(value: string, spelled: string): string {
  // Forms: "content", "=content", "name=content", "@file", "name@file" (curl's --data-urlencode rules).
  const eq = value.indexOf('=')
  const at = value.indexOf('@')
  if (at >= 0 && (eq < 0 || at < eq)) fileNotSupported(spelled, value.slice(at + 1))
  if (eq < 0) return encodeURIComponent(value)
  const name = value.slice(0, eq)
  const encoded = encodeURIComponent(value.slice(eq + 1))
  return name === '' ? encoded : `${name}=${encoded}`
}

function formPart(value: string, spelled: string, literal: boolean): MultipartPart {
  const eq = value.indexOf('=')
  if (eq <= 0) fail(`${spelled} "${value}" is not name=value.`)
  const name = value.slice(0, eq)
  let content = value.slice(eq + 1)
  if (literal) return { kind: 'text', name, value: content }
  const params: Record<string, string> = {}
  const paramMatch = /;(type|filename|headers|encoder)=/.exec(content)
  if (paramMatch) {
    for (const pair of content.slice(paramMatch.index + 1).split(';')) {
      const at = pair.indexOf('=')
      if (at > 0) params[pair.slice(0, at)] = pair.slice(at + 1).replace(/^"(.*)"$/, '$1')
    }
    content = content.slice(0, paramMatch.index)
  }
  if (content.startsWith('<')) fileNotSupported(spelled, content.slice(1))
  const contentType = params.type
  if (content.startsWith('@')) {
    return { kind: 'file', name, path: content.slice(1), ...(params.filename ? { filename: params.filename } : {}), ...(contentType ? { contentType } : {}) }
  }
  return { kind: 'text', name, value: content, ...(contentType ? { contentType } : {}) }
}

function header(value: string): KeyValue | null {
  if (value.startsWith('@')) fileNotSupported('-H', value.slice(1))
  const colon = value.indexOf(':')
  const semi = value.indexOf(';')
  // "Name;" sends an empty header in curl; "Name:" with nothing after removes one curl would add.
  if (colon < 0 && semi > 0 && value.slice(semi + 1).trim() === '') return { name: value.slice(0, semi).trim(), value: '', enabled: true }
  if (colon <= 0) fail(`the header "${value.slice(0, 80)}" has no "Name: value" form.`)
  const name = value.slice(0, colon).trim()
  const text = value.slice(colon + 1).trim()
  return text === '' ? null : { name, value: text, enabled: true }
}

function apply(item: ParsedOption, c: Collected): void {
  if (item.kind === 'positional') return void c.urls.push(item.value)
  if (item.kind === 'ignored') {
    if (item.warn) c.warnings.push(`The option ${item.spelled} is not understood and was ignored.`)
    return
  }
  const value = item.value ?? ''
  switch (item.option) {
    case 'request':
      // An empty -X leaves curl's own choice of method; an empty method name would not be sendable.
      if (value.trim() === '') return void c.warnings.push(`${item.spelled} with an empty method was ignored.`)
      return void (c.method = value.trim().toUpperCase())
    case 'header': {
      const parsed = header(value)
      if (parsed) c.headers.push(parsed)
      else c.warnings.push(`The header "${value}" only removes a header curl adds itself; it was ignored.`)
      return
    }
    case 'data':
    case 'data-binary':
      if (value.startsWith('@')) fileNotSupported(item.spelled, value.slice(1))
      return void c.data.push(value)
    case 'data-raw': return void c.data.push(value)
    case 'data-urlencode': return void c.data.push(urlencodeData(value, item.spelled))
    case 'json':
      if (value.startsWith('@')) fileNotSupported(item.spelled, value.slice(1))
      c.json = true
      return void c.data.push(value)
    case 'form': return void c.parts.push(formPart(value, item.spelled, false))
    case 'form-string': return void c.parts.push(formPart(value, item.spelled, true))
    case 'user': return void (c.user = value)
    case 'url': return void c.urls.push(value)
    case 'user-agent': return void c.headers.push({ name: 'User-Agent', value, enabled: true })
    case 'referer': return void c.headers.push({ name: 'Referer', value, enabled: true })
    case 'cookie':
      if (value.includes('=')) c.headers.push({ name: 'Cookie', value, enabled: true })
      else c.warnings.push(`-b "${value}" names a cookie file, which cannot be imported; it was ignored.`)
      return
    case 'oauth2-bearer': return void c.headers.push({ name: 'Authorization', value: `Bearer ${value}`, enabled: true })
    case 'insecure': return void (c.flags.insecure = true)
    case 'compressed': return void (c.flags.compressed = true)
    case 'location': return void (c.flags.followRedirects = true)
    case 'get': return void (c.get = true)
    case 'head': return void (c.head = true)
    case 'next': return fail('--next (several requests in one command) is not supported.', 'Import each request separately.')
    case 'config': return fail(`${item.spelled} reads options from a file, which cannot be imported.`)
    case 'upload-file': return fileNotSupported(item.spelled, value)
  }
}

function findHeader(headers: KeyValue[], name: string): KeyValue | undefined {
  return headers.find((row) => row.name.toLowerCase() === name.toLowerCase())
}

function bodyFrom(data: string, contentType: string | undefined): RequestBody {
  const type = (contentType ?? 'application/x-www-form-urlencoded').toLowerCase()
  if (/[/+]json\b/.test(type)) return { kind: 'json', text: data }
  if (type.startsWith('application/x-www-form-urlencoded')) {
    // A form only if the engine would send back exactly these bytes; otherwise keep the text as is.
    const params = new URLSearchParams(data)
    if (params.toString() === data && data !== '') {
      return { kind: 'form', fields: [...params].map(([name, value]) => ({ name, value, enabled: true })) }
    }
  }
  return { kind: 'text', text: data, contentType: contentType ?? 'application/x-www-form-urlencoded' }
}

function withScheme(url: string): string {
  // curl assumes http:// when no scheme is given.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url) || url.startsWith('{{') ? url : `http://${url}`
}

/** Parses a cURL command (bash syntax, e.g. a browser's "Copy as cURL") into a request plus TLS/encoding flags. */
export function parseCurlCommand(text: string): CurlImport {
  // Only a word-starting ^" or a ^/` line continuation outside quotes: a quoted bash body may contain either.
  const unquoted = withoutQuotedText(text)
  if (/(^|\s)\^"|\s\^\r?\n/.test(unquoted)) fail('this looks like a Windows cmd command (^ escapes).', 'Use "Copy as cURL (bash)" instead.')
  if (/`\r?\n\s*-/.test(unquoted)) fail('this looks like a PowerShell command (` line endings).', 'Use "Copy as cURL (bash)" instead.')
  const { words, warnings } = splitShellWords(text.trim())
  if (!/^curl(\.exe)?$/i.test(words[0] ?? '')) fail('the command does not start with "curl".')
  const c: Collected = {
    method: null, urls: [], headers: [], data: [], json: false, parts: [], get: false, head: false,
    flags: { insecure: false, compressed: false, followRedirects: false }, user: null, warnings
  }
  const options = readOptions(words.slice(1), (spelled) => fail(`the option ${spelled} needs a value but the command ends.`))
  for (const item of options) apply(item, c)

  const [first, ...others] = c.urls
  if (first === undefined || first === '') fail('no URL was found.', 'Add the URL, e.g. curl https://host/path')
  if (others.length > 0) c.warnings.push(`Only the first URL was imported; ignored: ${others.join(', ').slice(0, 200)}.`)
  if (c.data.length > 0 && c.parts.length > 0) fail('it mixes -d/--data with -F/--form, which curl refuses too.')
  let url = withScheme(first)
  const headers = c.headers
  if (c.user !== null) {
    const user = c.user.includes(':') ? c.user : `${c.user}:`
    if (!c.user.includes(':')) c.warnings.push('-u has no password (curl would prompt for it); an empty password was used.')
    headers.push({ name: 'Authorization', value: `Basic ${base64(user)}`, enabled: true })
  }
  if (c.json) {
    if (!findHeader(headers, 'Content-Type')) headers.push({ name: 'Content-Type', value: 'application/json', enabled: true })
    if (!findHeader(headers, 'Accept')) headers.push({ name: 'Accept', value: 'application/json', enabled: true })
  }
  let body: RequestBody = { kind: 'none' }
  const data = c.data.join('&')
  if (c.get && c.data.length > 0) url += (url.includes('?') ? '&' : '?') + data
  else if (c.data.length > 0) body = bodyFrom(data, findHeader(headers, 'Content-Type')?.value)
  else if (c.parts.length > 0) body = { kind: 'multipart', parts: c.parts }
  const implied = c.head ? 'HEAD' : c.get ? 'GET' : body.kind !== 'none' ? 'POST' : 'GET'
  const request: RequestSpec = { method: c.method ?? implied, url, query: [], headers, body }

  const credentials: CurlImport['credentials'] = c.user !== null ? [{ where: 'user', name: c.user.split(':')[0] ?? '' }] : []
  rewriteCredentials(request, (hit) => {
    if (!(c.user !== null && hit.where === 'header' && hit.name === 'Authorization')) credentials.push({ where: hit.where, name: hit.name })
    return null
  })
  return { request, flags: c.flags, warnings: c.warnings, credentials }
}
