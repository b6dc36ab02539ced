import type { KeyValue, RequestBody, RequestSpec } from '../model/request'
import { isCredentialHeader, isCredentialParam } from '../redaction/redact'

export type CredentialPlace = 'header' | 'query' | 'url' | 'form' | 'multipart' | 'body'

/** One credential-looking value found in a request. `value` is the literal text (never logged by callers). */
export interface CredentialHit {
  where: CredentialPlace
  name: string
  value: string
}

/** Returns the text that replaces a credential value, or null to keep the value unchanged. */
export type CredentialRewrite = (hit: CredentialHit) => string | null

const PLACEHOLDER = /\{\{\s*[A-Za-z_][\w.-]*\s*\}\}/g
const AUTH_SCHEME = /^(Bearer|Basic|Token|Digest|Negotiate|NTLM|ApiKey)\s+/i

/** True when the value holds nothing literal besides `{{variables}}` (and an auth scheme word). */
export function isOnlyPlaceholders(value: string): boolean {
  const rest = value.replace(AUTH_SCHEME, '').replace(PLACEHOLDER, '').trim()
  return rest === ''
}

/** JSON keys that hold credentials. Stricter than query names: "code" or "key" in a JSON body is usually data. */
function isCredentialJsonKey(name: string): boolean {
  return isCredentialHeader(name)
}

function rewriteRows(rows: KeyValue[], where: CredentialPlace, test: (name: string) => boolean, rewrite: CredentialRewrite): KeyValue[] {
  return rows.map((row) => {
    if (!test(row.name) || row.value === '' || isOnlyPlaceholders(row.value)) return row
    const next = rewrite({ where, name: row.name, value: row.value })
    return next === null ? row : { ...row, value: next }
  })
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** Rewrites credential values in "a=1&token=x"; everything else stays byte for byte. */
export function rewriteQueryString(query: string, where: CredentialPlace, rewrite: CredentialRewrite): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      if (eq < 0) return pair
      const name = safeDecode(pair.slice(0, eq))
      const value = safeDecode(pair.slice(eq + 1))
      if (!isCredentialParam(name) || value === '' || isOnlyPlaceholders(value)) return pair
      const next = rewrite({ where, name, value })
      return next === null ? pair : `${pair.slice(0, eq)}=${next}`
    })
    .join('&')
}

/** Rewrites the password of `scheme://user:password@` and credential query parameters of a URL written as text. */
export function rewriteUrl(url: string, rewrite: CredentialRewrite): string {
  let out = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i, (whole, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':')
    if (colon < 0) return whole
    const password = safeDecode(userinfo.slice(colon + 1))
    if (password === '' || isOnlyPlaceholders(password)) return whole
    const next = rewrite({ where: 'url', name: 'password', value: password })
    return next === null ? whole : `${scheme}${userinfo.slice(0, colon)}:${next}@`
  })
  const hashAt = out.indexOf('#')
  const beforeHash = hashAt < 0 ? out : out.slice(0, hashAt)
  const fragment = hashAt < 0 ? '' : out.slice(hashAt)
  const queryAt = beforeHash.indexOf('?')
  if (queryAt >= 0) {
    out = beforeHash.slice(0, queryAt + 1) + rewriteQueryString(beforeHash.slice(queryAt + 1), 'url', rewrite) + fragment
  }
  return out
}

const JSON_STRING_MEMBER = /"((?:[^"\\]|\\.)*)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g

/**
 * Rewrites `"password": "..."`-style string members in JSON (or JSON-like) text with a regular expression rather
 * than parse + stringify, so the user's formatting survives and bodies with `{{variables}}` still work.
 */
export function rewriteJsonText(text: string, rewrite: CredentialRewrite): string {
  return text.replace(JSON_STRING_MEMBER, (whole, key: string, colon: string, value: string) => {
    if (!isCredentialJsonKey(key) || value === '' || isOnlyPlaceholders(value)) return whole
    const next = rewrite({ where: 'body', name: key, value })
    return next === null ? whole : `"${key}"${colon}"${next.replace(/["\\]/g, '\\$&')}"`
  })
}

function rewriteBody(body: RequestBody, rewrite: CredentialRewrite): RequestBody {
  switch (body.kind) {
    case 'none':
      return body
    case 'json':
      return { ...body, text: rewriteJsonText(body.text, rewrite) }
    case 'text': {
      const formEncoded = /x-www-form-urlencoded/i.test(body.contentType ?? '')
      const text = formEncoded ? rewriteQueryString(body.text, 'body', rewrite) : rewriteJsonText(body.text, rewrite)
      return { ...body, text }
    }
    case 'form':
      return { kind: 'form', fields: rewriteRows(body.fields, 'form', isCredentialParam, rewrite) }
    case 'multipart':
      return {
        kind: 'multipart',
        parts: body.parts.map((part) => {
          if (part.kind !== 'text' || !isCredentialParam(part.name) || part.value === '' || isOnlyPlaceholders(part.value)) {
            return part
          }
          const next = rewrite({ where: 'multipart', name: part.name, value: part.value })
          return next === null ? part : { ...part, value: next }
        })
      }
  }
}

/** Applies `rewrite` to every credential-looking value of a request (enabled or not) and returns a new request. */
export function rewriteCredentials(spec: RequestSpec, rewrite: CredentialRewrite): RequestSpec {
  return {
    ...spec,
    url: rewriteUrl(spec.url, rewrite),
    query: rewriteRows(spec.query, 'query', isCredentialParam, rewrite),
    headers: rewriteRows(spec.headers, 'header', isCredentialHeader, rewrite),
    body: rewriteBody(spec.body, rewrite)
  }
}
