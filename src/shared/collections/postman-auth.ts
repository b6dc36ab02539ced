import type { AuthProfile } from '../model/auth'
import type { KeyValue } from '../model/request'
import { isCredentialHeader, isCredentialParam } from '../redaction/redact'
import { isOnlyPlaceholders } from './credential-walk'
import type { AuthRef } from './saved-request'
import { secretPlaceholder } from './secrets'

/** Postman's auth object as found in a v2.1 collection: `{ type, [type]: [{ key, value }] }`. */
export interface PostmanAuth {
  type: string
  params: ReadonlyArray<{ key: string; value: unknown }>
}

export interface MappedAuth {
  auth: AuthRef
  headers: KeyValue[]
  query: KeyValue[]
  /** Readable target, e.g. "netskope profile (v2 token as Bearer)" or "Authorization header placeholder". */
  to: string
  /** Credential values present in the file and not copied. */
  dropped: string[]
  warnings: string[]
}

function param(auth: PostmanAuth, key: string): string {
  const found = auth.params.find((entry) => entry.key === key)?.value
  return typeof found === 'string' ? found : found === undefined || found === null ? '' : String(found)
}

/** A variable reference is kept as is; a literal secret becomes a `{{secret.NAME}}` placeholder and is reported. */
function keepOrPlaceholder(value: string, name: string, what: string, dropped: string[]): string {
  if (value !== '' && isOnlyPlaceholders(value)) return value
  if (value !== '') dropped.push(what)
  return secretPlaceholder({ name, value: '' })
}

const netskope = (v2Scheme: 'header' | 'bearer'): AuthProfile => ({ kind: 'netskope', v2Scheme, v1Placement: 'query' })

function isNetskopePath(url: string): boolean {
  return /\/api\/v[12]\//.test(url)
}

function mapApiKey(auth: PostmanAuth, url: string, out: MappedAuth): void {
  const key = param(auth, 'key')
  const value = param(auth, 'value')
  const place = param(auth, 'in') === 'query' ? 'query' : 'header'
  if (value !== '' && !isOnlyPlaceholders(value)) out.dropped.push(`API key value (${key || 'unnamed'})`)
  if (place === 'header' && /^(x-)?netskope-api-token$/i.test(key)) {
    Object.assign(out, { auth: { kind: 'profile', profile: netskope('header') }, to: 'netskope profile (v2 token header)' })
  } else if (place === 'query' && key === 'token' && isNetskopePath(url)) {
    Object.assign(out, { auth: { kind: 'profile', profile: netskope('header') }, to: 'netskope profile (v1 token query)' })
  } else if (place === 'header' && /^(api-key|x-auth-token)$/i.test(key)) {
    const profile: AuthProfile = { kind: 'insightcloudsec', username: '' }
    Object.assign(out, { auth: { kind: 'profile', profile }, to: 'insightcloudsec profile' })
  } else {
    const row = { name: key || 'api_key', value: keepOrPlaceholder(value, key || 'apiKey', '', []), enabled: true }
    out[place === 'query' ? 'query' : 'headers'].push(row)
    Object.assign(out, { auth: { kind: 'none' }, to: `${place} "${row.name}" with ${row.value}` })
  }
}

/**
 * Maps a Postman auth setting to our model without copying secret values: to an auth profile kind where one fits
 * (Netskope token header / Bearer, InsightCloudSec Api-Key), else to an explicit header or query row holding a
 * variable or a `{{secret.NAME}}` placeholder. `undefined` auth means "inherit" (the environment's profile).
 */
export function mapPostmanAuth(auth: PostmanAuth | undefined, url: string): MappedAuth {
  const out: MappedAuth = { auth: { kind: 'environment' }, headers: [], query: [], to: 'environment auth', dropped: [], warnings: [] }
  if (!auth) return out
  switch (auth.type) {
    case 'noauth':
      return { ...out, auth: { kind: 'none' }, to: 'no auth' }
    case 'apikey':
      mapApiKey(auth, url, out)
      return out
    case 'bearer': {
      const token = param(auth, 'token')
      if (isNetskopePath(url)) {
        if (token !== '' && !isOnlyPlaceholders(token)) out.dropped.push('bearer token')
        return { ...out, auth: { kind: 'profile', profile: netskope('bearer') }, to: 'netskope profile (v2 token as Bearer)' }
      }
      const value = `Bearer ${keepOrPlaceholder(token, 'bearerToken', 'bearer token', out.dropped)}`
      out.headers.push({ name: 'Authorization', value, enabled: true })
      return { ...out, auth: { kind: 'none' }, to: `Authorization header "${value}"` }
    }
    case 'basic': {
      const password = param(auth, 'password')
      if (password !== '' && !isOnlyPlaceholders(password)) out.dropped.push('basic auth password')
      out.headers.push({ name: 'Authorization', value: 'Basic {{secret.basicAuth}}', enabled: true })
      out.warnings.push(`Basic auth (user "${param(auth, 'username')}") became "Authorization: Basic {{secret.basicAuth}}"; store base64("user:password") as that secret.`)
      return { ...out, auth: { kind: 'none' }, to: 'Authorization header "Basic {{secret.basicAuth}}"' }
    }
    default: {
      for (const entry of auth.params) {
        const value = typeof entry.value === 'string' ? entry.value : ''
        if (value !== '' && !isOnlyPlaceholders(value) && (isCredentialParam(entry.key) || isCredentialHeader(entry.key))) {
          out.dropped.push(`${auth.type} ${entry.key}`)
        }
      }
      out.warnings.push(`Postman "${auth.type}" auth has no equivalent here; the environment's auth will be used.`)
      return { ...out, to: 'environment auth (unsupported type)' }
    }
  }
}

/** Our profile as a Postman auth object with placeholders, for export. null = inherit (no auth on the item). */
export function profileToPostman(auth: AuthRef, url: string): PostmanAuth | null {
  if (auth.kind === 'environment') return null
  if (auth.kind === 'none') return { type: 'noauth', params: [] }
  const profile = auth.profile
  const apikey = (key: string, value: string, place: 'header' | 'query'): PostmanAuth => ({
    type: 'apikey',
    params: [{ key: 'key', value: key }, { key: 'value', value }, { key: 'in', value: place }]
  })
  switch (profile.kind) {
    case 'none':
      return { type: 'noauth', params: [] }
    case 'netskope':
      if (/\/api\/v1\//.test(url)) return apikey('token', '{{secret.v1Token}}', 'query')
      return profile.v2Scheme === 'bearer'
        ? { type: 'bearer', params: [{ key: 'token', value: '{{secret.v2Token}}' }] }
        : apikey('Netskope-Api-Token', '{{secret.v2Token}}', 'header')
    case 'insightcloudsec':
      return apikey('Api-Key', '{{secret.apiKey}}', 'header')
    default:
      // OAuth2 client credentials (src/shared/vendors/definition.ts): the token of the exchange, as a Bearer placeholder.
      return { type: 'bearer', params: [{ key: 'token', value: '{{secret.accessToken}}' }] }
  }
}
