import type { RequestSpec } from '../model/request'
import { rewriteCredentials, type CredentialHit, type CredentialPlace } from './credential-walk'
import { parseCurlCommand, type CurlImport } from './curl-import'
import { secretPlaceholder } from './secrets'

/** A credential taken out of a pasted cURL command: the request holds `{{secret.<name>}}` where it was. */
export interface CurlSecret {
  /** Vault secret name, matching SECRET_NAME. */
  name: string
  where: CredentialPlace
  /** What it was, in words, without the value: "Authorization (Bearer)", "query parameter token". */
  label: string
  /** The literal value (for main only: never sent to the renderer, logged or put in an error). */
  value: string
}

export interface CurlImportWithSecrets extends Omit<CurlImport, 'credentials'> {
  secrets: CurlSecret[]
}

/** Names a secret may have in the vault, so every `{{secret.NAME}}` an import writes resolves from it. */
export const SECRET_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/

const SCHEME = /^(Bearer|Basic|Token|Digest|ApiKey)\s+/i
const PLACEHOLDER_NAME = /\{\{secret\.([^}]*)\}\}/

function label(hit: CredentialHit, scheme: string | undefined, user: string | undefined): string {
  if (hit.where === 'query' || hit.where === 'url') return hit.name === 'password' && hit.where === 'url' ? 'URL password' : `query parameter ${hit.name}`
  if (hit.where !== 'header') return `body field ${hit.name}`
  if (scheme === undefined) return hit.name
  const who = scheme.toLowerCase() === 'basic' && user !== undefined ? `, user ${user}` : ''
  return `${hit.name} (${scheme}${who})`
}

/** The placeholder's name made valid and unused: "bearerToken", then "bearerToken2" ... */
function uniqueName(wanted: string, taken: Set<string>): string {
  const base = SECRET_NAME.test(wanted) ? wanted.slice(0, 60) : `secret${wanted.replace(/[^A-Za-z0-9_]/g, '')}`.slice(0, 60)
  let name = base
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`
  taken.add(name)
  return name
}

/**
 * Parses a cURL command (curl-import.ts) and takes every literal credential out of it: `-u`/`--user`, Authorization
 * Basic / Bearer / Token, API key and token headers, token-like query parameters, URL passwords and body fields.
 */
export function importCurlCommand(text: string): CurlImportWithSecrets {
  const { request: parsed, credentials, ...rest } = parseCurlCommand(text)
  const user = credentials.find((c) => c.where === 'user')?.name
  const secrets: CurlSecret[] = []
  const taken = new Set<string>()
  const request: RequestSpec = rewriteCredentials(parsed, (hit) => {
    const placeholder = secretPlaceholder(hit)
    const scheme = SCHEME.exec(hit.value)
    const keepsScheme = scheme !== null && placeholder.startsWith(`${scheme[1]} `)
    const name = uniqueName(PLACEHOLDER_NAME.exec(placeholder)?.[1] ?? 'secret', taken)
    secrets.push({ name, where: hit.where, label: label(hit, keepsScheme ? scheme[1] : undefined, user), value: keepsScheme ? hit.value.slice(scheme[0].length) : hit.value })
    return placeholder.replace(PLACEHOLDER_NAME, `{{secret.${name}}}`)
  })
  return { ...rest, request, secrets }
}
