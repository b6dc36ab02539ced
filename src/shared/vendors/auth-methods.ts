import type { AuthMethod } from './definition'
import { profileText, vendorById } from './registry'

/**
 * The one rule for which credential a request gets, shared by main's authenticator (src/main/core/auth/), the auth
 * panel's status and the snippets (src/shared/snippets/plan.ts), so the three never disagree.
 */

/** Whether a secret of the environment is stored; values stay in main. */
export type HasSecret = (name: string) => boolean

/** The vendor's methods that the profile's selects switch on, in preference order (none for 'none'). */
export function enabledMethods(profile: { kind: string }): readonly AuthMethod[] {
  return (vendorById(profile.kind)?.auth ?? []).filter(({ when }) => {
    if (!when) return true
    const value = profileText(profile, when.field)
    return 'is' in when ? value === when.is : value !== when.not
  })
}

/**
 * The method's inputs are there: its secret is stored and, when `needNames` (main sends for real), the username or
 * client id it posts is set. A snippet does without them: it reads a missing name from the environment or asks.
 */
export function inputsPresent(method: AuthMethod, profile: object, has: HasSecret, needNames: boolean): boolean {
  if (!has(method.secret)) return false
  if (!needNames) return true
  if (method.flow === 'client-credentials') return profileText(profile, method.clientIdField) !== ''
  if (method.flow === 'session-login') return profileText(profile, method.usernameField) !== ''
  return true
}

/** The token or login call a method makes itself; that request never carries the method's own credential. */
export function ownPath(method: AuthMethod): string | null {
  if (method.flow === 'client-credentials') return method.tokenPath
  if (method.flow === 'session-login') return method.loginPath
  return null
}

/** `path` is the request URL's path ('' when it does not parse). */
export function appliesTo(method: AuthMethod, path: string): boolean {
  if (method.paths && !method.paths.match.test(path)) return false
  const own = ownPath(method)
  return own === null || path.replace(/\/+$/, '') !== own
}

/** The credential a request to `path` gets, or null when it gets none. */
export function chooseMethod(profile: { kind: string }, path: string, has: HasSecret, needNames: boolean): AuthMethod | null {
  return enabledMethods(profile).find((method) => appliesTo(method, path) && inputsPresent(method, profile, has, needNames)) ?? null
}

/** The credential the auth panel names: the first one stored, whatever the path (Netskope's v2 before its v1). */
export function statusMethod(profile: { kind: string }, has: HasSecret): AuthMethod | null {
  return enabledMethods(profile).find((method) => inputsPresent(method, profile, has, true)) ?? null
}

/** The names a request already carries, lower case: its headers, and its query and form parameters. */
export interface CarriedNames {
  headers: readonly string[]
  params: readonly string[]
}

/**
 * The request already carries this credential (typed by the user, who then wins): the method's own header or
 * parameter, or for header methods any header that always carries the vendor's credential (Api-Key vs x-auth-token).
 */
export function alreadyCarried(profile: { kind: string }, method: AuthMethod, carried: CarriedNames): boolean {
  if (method.flow === 'param') return carried.params.includes(method.param.toLowerCase())
  const own = (method.flow === 'client-credentials' ? 'Authorization' : method.header).toLowerCase()
  const vendorHeaders = vendorById(profile.kind)?.credentialHeaders ?? []
  return carried.headers.some((name) => name === own || vendorHeaders.includes(name))
}
