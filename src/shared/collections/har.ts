import type { KeyValue, RequestSpec } from '../model/request'
import { joinBaseUrl, renderTemplate, type TemplateProblem } from '../templating/template'
import { profileToPostman } from './postman-auth'
import type { AuthRef } from './saved-request'
import { stripRequestSecrets, type SecretReplacement } from './secrets'

/** HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/), the parts we emit. */
export interface HarNameValue { name: string; value: string }
export interface HarPostData {
  mimeType: string
  text?: string
  params?: Array<{ name: string; value?: string; fileName?: string; contentType?: string }>
}
export interface HarRequest {
  method: string
  url: string
  httpVersion: string
  cookies: HarNameValue[]
  headers: HarNameValue[]
  queryString: HarNameValue[]
  postData?: HarPostData
  headersSize: number
  bodySize: number
}
export interface HarEntry {
  startedDateTime: string
  time: number
  request: HarRequest
  response: {
    status: number; statusText: string; httpVersion: string; cookies: HarNameValue[]; headers: HarNameValue[]
    content: { size: number; mimeType: string; text?: string; comment?: string }; redirectURL: string; headersSize: number; bodySize: number
    comment?: string
  }
  cache: Record<string, never>
  timings: { send: number; wait: number; receive: number }
  comment?: string
}
export interface Har {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string }
}

export interface HarSource {
  name: string
  request: RequestSpec
  auth?: AuthRef
}

export interface HarOptions {
  /** ISO time written as each entry's startedDateTime (HAR requires one; passing it keeps output reproducible). */
  startedDateTime: string
  creator?: { name: string; version: string }
  /** Non-secret environment variables to fill in (e.g. baseUrl); `{{secret.*}}` placeholders always stay. */
  variables?: ReadonlyMap<string, string>
}

const encoder = new TextEncoder()

function render(text: string, variables: ReadonlyMap<string, string> | undefined): string {
  if (!variables) return text
  const ignored: TemplateProblem[] = []
  return renderTemplate(text, variables, '', ignored)
}

/** Auth a profile adds at send time, as placeholder rows, so the HAR shows where the credential goes. */
function authRows(auth: AuthRef | undefined, url: string): { headers: KeyValue[]; query: KeyValue[] } {
  const postman = auth ? profileToPostman(auth, url) : null
  const value = (key: string): string => String(postman?.params.find((param) => param.key === key)?.value ?? '')
  if (postman?.type === 'bearer') return { headers: [{ name: 'Authorization', value: `Bearer ${value('token')}`, enabled: true }], query: [] }
  if (postman?.type === 'apikey') {
    const row = { name: value('key'), value: value('value'), enabled: true }
    return value('in') === 'query' ? { headers: [], query: [row] } : { headers: [row], query: [] }
  }
  return { headers: [], query: [] }
}

/** Name/value pairs of a URL's query string, in order (HAR's queryString). */
export function queryPairs(url: string): HarNameValue[] {
  const at = url.indexOf('?')
  if (at < 0) return []
  const hash = url.indexOf('#', at)
  const query = url.slice(at + 1, hash < 0 ? undefined : hash)
  return query === '' ? [] : [...new URLSearchParams(query)].map(([name, value]) => ({ name, value }))
}

/** HAR postData and bodySize of a request body (an explicit Content-Type header wins). */
export function postData(spec: RequestSpec, headers: HarNameValue[]): { postData?: HarPostData; bodySize: number } {
  const explicit = headers.find((header) => header.name.toLowerCase() === 'content-type')?.value
  const body = spec.body
  switch (body.kind) {
    case 'none':
      return { bodySize: 0 }
    case 'json':
    case 'text': {
      const mimeType = explicit ?? (body.kind === 'json' ? 'application/json' : (body.contentType ?? 'text/plain'))
      return { postData: { mimeType, text: body.text }, bodySize: encoder.encode(body.text).length }
    }
    case 'form': {
      const fields = body.fields.filter((field) => field.enabled)
      const text = new URLSearchParams(fields.map((field): [string, string] => [field.name, field.value])).toString()
      const params = fields.map((field) => ({ name: field.name, value: field.value }))
      return { postData: { mimeType: explicit ?? 'application/x-www-form-urlencoded', params, text }, bodySize: text.length }
    }
    case 'multipart': {
      const params = body.parts.map((part) =>
        part.kind === 'text'
          ? { name: part.name, value: part.value, ...(part.contentType ? { contentType: part.contentType } : {}) }
          : { name: part.name, fileName: part.filename ?? part.path.split(/[\\/]/).pop() ?? part.path, ...(part.contentType ? { contentType: part.contentType } : {}) }
      )
      // The boundary and file bytes exist only at send time; HAR allows -1 for an unknown size.
      return { postData: { mimeType: 'multipart/form-data', params }, bodySize: -1 }
    }
  }
}

function toEntry(source: HarSource, options: HarOptions, replaced: Array<SecretReplacement & { request: string }>): HarEntry {
  const stripped = stripRequestSecrets(source.request)
  replaced.push(...stripped.replaced.map((hit) => ({ ...hit, request: source.name })))
  const spec = stripped.request
  const variables = options.variables
  const baseUrl = variables?.get('baseUrl') ?? ''
  const rawUrl = joinBaseUrl(baseUrl, render(spec.url.trim(), variables))
  const auth = authRows(source.auth, rawUrl)
  const rows = [...spec.query.filter((row) => row.enabled), ...auth.query]
  const extra = new URLSearchParams(rows.map((row): [string, string] => [render(row.name, variables), render(row.value, variables)]))
    .toString()
    // Placeholders stay readable ({{secret.v1Token}}, not %7B%7B...%7D%7D): they are for a person to fill in.
    .replace(/%7B%7B([\w.-]+)%7D%7D/g, '{{$1}}')
  const url = extra === '' ? rawUrl : `${rawUrl}${rawUrl.includes('?') ? '&' : '?'}${extra}`
  const headers = [...spec.headers.filter((row) => row.enabled), ...auth.headers].map((row) => ({
    name: render(row.name, variables),
    value: render(row.value, variables)
  }))
  const { postData: data, bodySize } = postData(spec, headers)
  const request: HarRequest = {
    method: spec.method.toUpperCase(),
    url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers,
    queryString: queryPairs(url),
    ...(data ? { postData: data } : {}),
    headersSize: -1,
    bodySize
  }
  return {
    startedDateTime: options.startedDateTime,
    time: 0,
    request,
    // Requests are exported unsent: HAR requires a response, so an empty one (status 0) stands in, as other tools do.
    response: {
      status: 0, statusText: '', httpVersion: '', cookies: [], headers: [], content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '', headersSize: -1, bodySize: -1
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    comment: source.name
  }
}

/** HAR 1.2 of one or more requests, with credentials replaced by `{{secret.NAME}}` placeholders (listed). */
export function exportHar(sources: readonly HarSource[], options: HarOptions): { har: Har; replacedSecrets: Array<SecretReplacement & { request: string }> } {
  const replacedSecrets: Array<SecretReplacement & { request: string }> = []
  const entries = sources.map((source) => toEntry(source, options, replacedSecrets))
  const creator = options.creator ?? { name: 'CloudSec API Explorer', version: '0' }
  return { har: { log: { version: '1.2', creator, entries } }, replacedSecrets }
}
