/**
 * Masking of credentials in anything that leaves the main process or touches disk: request echoes, history,
 * logs, error messages, snippets. Pure functions (no node:*, no DOM) so every process can use them.
 */
import { VENDOR_LISTS } from '../vendors/registry'

export const MASK = '••••'

/** Header names that always carry a credential: the usual ones plus each vendor's (src/shared/vendors/). Lower case. */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'apikey',
  ...VENDOR_LISTS.credentialHeaders
])

function compact(name: string): string {
  return name.trim().toLowerCase().replace(/[-_]/g, '')
}

/** Fragments that make any header or query parameter name look like a credential (compared without - and _). */
const CREDENTIAL_FRAGMENTS = ['token', 'secret', 'password', 'passwd', 'apikey', 'sessionid', 'credential']

/** Query parameter names (compared without - and _, lower case) that carry credentials although no fragment matches. */
const CREDENTIAL_PARAMS = new Set(['key', 'auth', 'sig', 'signature', 'pwd', 'code', ...VENDOR_LISTS.credentialParams.map(compact)])

/** Header names repeat on every request; remembering the verdict keeps redaction off the hot path. */
const headerVerdicts = new Map<string, boolean>()

export function isCredentialHeader(name: string): boolean {
  const known = headerVerdicts.get(name)
  if (known !== undefined) return known
  const lower = name.trim().toLowerCase()
  const squeezed = compact(lower)
  const verdict = CREDENTIAL_HEADERS.has(lower) || CREDENTIAL_FRAGMENTS.some((fragment) => squeezed.includes(fragment))
  if (headerVerdicts.size >= 2000) headerVerdicts.clear()
  headerVerdicts.set(name, verdict)
  return verdict
}

export function isCredentialParam(name: string): boolean {
  const squeezed = compact(name)
  return CREDENTIAL_PARAMS.has(squeezed) || CREDENTIAL_FRAGMENTS.some((fragment) => squeezed.includes(fragment))
}

/**
 * "••••" plus the last 4 characters when the value is long enough (>= 16) that those 4 reveal nothing useful,
 * else "••••" alone. Keeps the last 4 so a user can tell which of their keys was sent.
 */
export function maskSecret(value: string): string {
  return value.length >= 16 ? MASK + value.slice(-4) : MASK
}

/** Like maskSecret, but keeps an auth scheme ("Bearer", "Basic", ...) readable. */
export function maskHeaderValue(value: string): string {
  const scheme = /^(Bearer|Basic|Token|Digest|Negotiate|NTLM|ApiKey)\s+(.*)$/is.exec(value)
  if (scheme) return `${scheme[1]} ${maskSecret(scheme[2] ?? '')}`
  return maskSecret(value)
}

export function redactHeaderValue(name: string, value: string): string {
  return isCredentialHeader(name) ? maskHeaderValue(value) : value
}

/** Returns new pairs with credential header values masked; names and order are kept. */
export function redactHeaders(pairs: ReadonlyArray<readonly [string, string]>): [string, string][] {
  return pairs.map(([name, value]) => [name, redactHeaderValue(name, value)])
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** Masks credential values in a query string ("a=1&token=xyz"), keeping everything else byte for byte. */
export function redactQueryString(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=')
      if (eq < 0) return pair
      const name = pair.slice(0, eq)
      return isCredentialParam(safeDecode(name)) ? `${name}=${maskSecret(safeDecode(pair.slice(eq + 1)))}` : pair
    })
    .join('&')
}

/**
 * Masks the password of `user:password@` and credential query parameters. Works on text that does not parse
 * as a URL (it may come from an error message), and otherwise leaves the URL exactly as written.
 */
export function redactUrl(url: string): string {
  // Nothing to mask without a query or userinfo: the common case, kept cheap because it runs on every send.
  if (!url.includes('?') && !url.includes('@')) return url
  let out = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^/?#@]*)@/i, (_all, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(':')
    return colon < 0 ? `${scheme}${userinfo}@` : `${scheme}${userinfo.slice(0, colon)}:${MASK}@`
  })
  const hashAt = out.indexOf('#')
  const fragment = hashAt < 0 ? '' : out.slice(hashAt)
  const beforeHash = hashAt < 0 ? out : out.slice(0, hashAt)
  const queryAt = beforeHash.indexOf('?')
  if (queryAt >= 0) {
    out = beforeHash.slice(0, queryAt + 1) + redactQueryString(beforeHash.slice(queryAt + 1)) + fragment
  }
  return out
}
