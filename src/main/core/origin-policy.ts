import type { Environment } from '@shared/model/environment'
import { httpOrigin } from '@shared/model/origin'

/**
 * Where an environment's credential and `{{secret.*}}` values may go: the origin of its base URL, plus the origins
 * the user listed under "Allowed origins". The renderer names the URL of every request (an absolute URL, a base URL
 * swapped in a variable), so without this a page could send the vault's values to any host it likes.
 */
export function allowedOrigins(environment: Environment): Set<string> {
  const origins = new Set(environment.allowedOrigins ?? [])
  const home = httpOrigin(environment.baseUrl)
  if (home !== null) origins.add(home)
  return origins
}

export interface OriginCheck {
  /** The resolved URL's origin, or the URL itself cut short when it has none (for the message). */
  origin: string
  allowed: boolean
}

export function checkOrigin(environment: Environment, resolvedUrl: string): OriginCheck {
  const origin = httpOrigin(resolvedUrl)
  if (origin === null) return { origin: resolvedUrl.slice(0, 200), allowed: false }
  return { origin, allowed: allowedOrigins(environment).has(origin) }
}

/** How to allow an origin, for the messages that refuse or withhold. */
export const ALLOW_HINT = "If it belongs to the same service, add it under Allowed origins in the environment's TLS settings."

export function withheldWarning(origin: string): string {
  return `credential withheld: ${origin} is not this environment's origin. ${ALLOW_HINT}`
}

export function refusedMessage(environment: Environment, origin: string, names: readonly string[]): string {
  const home = httpOrigin(environment.baseUrl) ?? 'none (no base URL)'
  const list = names.map((name) => `{{${name}}}`).join(', ')
  return `Not sent: ${list} may only go to this environment's origin (${home}) or its allowed origins, not to ${origin}.`
}
