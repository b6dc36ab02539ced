import type { RequestSpec } from '../model/request'
import { maskHeaderValue, maskSecret } from '../redaction/redact'
import { rewriteCredentials, type CredentialHit, type CredentialPlace } from './credential-walk'

/** A credential that was not written to disk; the request now holds `placeholder` in its place. */
export interface SecretReplacement {
  where: CredentialPlace
  name: string
  placeholder: string
}

/** Well-known credential names mapped to the vault's secret names, so placeholders line up with auth profiles. */
const KNOWN_NAMES: Record<string, string> = {
  netskopeapitoken: 'v2Token',
  xnetskopeapitoken: 'v2Token',
  token: 'v1Token',
  apikey: 'apiKey',
  xapikey: 'apiKey',
  clientsecret: 'clientSecret',
  password: 'password',
  xauthtoken: 'sessionToken'
}

function camelName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((word) => word !== '')
  const camel = words
    .map((word, index) => (index === 0 ? word.toLowerCase() : word[0]?.toUpperCase() + word.slice(1).toLowerCase()))
    .join('')
  return camel === '' || /^\d/.test(camel) ? `secret${camel}` : camel
}

/** The `{{secret.NAME}}` placeholder that stands for a credential; keeps "Bearer " / "Basic " readable. */
export function secretPlaceholder(hit: Pick<CredentialHit, 'name' | 'value'>): string {
  const squeezed = hit.name.toLowerCase().replace(/[^a-z0-9]/g, '')
  const scheme = /^(Bearer|Basic|Token|Digest|ApiKey)\s+/i.exec(hit.value)
  if (squeezed === 'authorization' || squeezed === 'proxyauthorization') {
    const word = scheme?.[1]?.toLowerCase()
    const name = word === 'basic' ? 'basicAuth' : word === 'bearer' ? 'bearerToken' : 'authorization'
    return scheme ? `${scheme[1]} {{secret.${name}}}` : `{{secret.${name}}}`
  }
  const name = KNOWN_NAMES[squeezed] ?? camelName(hit.name)
  return scheme ? `${scheme[1]} {{secret.${name}}}` : `{{secret.${name}}}`
}

/**
 * Replaces every literal credential (header, query parameter, URL password, form field, JSON member) with a
 * `{{secret.NAME}}` placeholder and lists what was replaced, so saved and exported files never hold secrets.
 */
export function stripRequestSecrets(spec: RequestSpec): { request: RequestSpec; replaced: SecretReplacement[] } {
  const replaced: SecretReplacement[] = []
  const request = rewriteCredentials(spec, (hit) => {
    const placeholder = secretPlaceholder(hit)
    replaced.push({ where: hit.where, name: hit.name, placeholder })
    return placeholder
  })
  return { request, replaced }
}

/** Masks credential values ("••••" + last 4 when long) for history and logs, keeping the request readable. */
export function redactRequestSpec(spec: RequestSpec): RequestSpec {
  return rewriteCredentials(spec, (hit) =>
    hit.where === 'header' ? maskHeaderValue(hit.value) : maskSecret(hit.value)
  )
}
