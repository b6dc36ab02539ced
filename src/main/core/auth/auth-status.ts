import type { Environment } from '@shared/model/environment'
import { maskSecret } from '@shared/redaction/redact'
import type { AuthMethod } from '@shared/vendors/definition'
import { enabledMethods, inputsPresent, statusMethod } from '@shared/vendors/auth-methods'
import { profileText, vendorById } from '@shared/vendors/registry'
import { secretKey, type Vault } from '../vault/vault'
import type { Authenticator } from './authenticator'
import type { Session } from './session-login'

/** What the auth panel shows at a glance. Values are masked: nothing here may reveal a secret. */
export interface AuthStatus {
  /** The credential the next request will carry ("Netskope v2 token"), or null when none. */
  using: string | null
  /** The credential header (or parameter) the next request will carry, value masked; null when none. */
  headerPreview: string | null
  /** Epoch ms when the cached login session or token expires; null when none is cached. */
  loggedInUntil: number | null
  /** Whom the cached session belongs to (the username or client id, not a secret); null without a session. */
  loggedInAs: string | null
  /** The credential is a login (session or token exchange), so "Log in" can make it now. */
  loginAvailable: boolean
  lastError: string | null
  /** Another credential is stored that is not sent (InsightCloudSec with both an API key and a login). */
  unusedNote: string | null
  /** The secret expires soon or has expired (Cloud Exchange client secrets have an end date). */
  expiryWarning: string | null
}

const WARN_DAYS = 14

/** A warning when a credential's end date (YYYY-MM-DD, end of that day UTC) is within WARN_DAYS or past. */
export function expiryWarning(expiresOn: string | null, renew: string, now = Date.now()): string | null {
  if (expiresOn === null) return null
  const end = Date.parse(`${expiresOn}T23:59:59Z`)
  if (Number.isNaN(end)) return null
  const days = Math.ceil((end - now) / 86_400_000)
  if (days <= 0) return `The client secret expired on ${expiresOn}. ${renew}`
  if (days <= WARN_DAYS) return `The client secret expires on ${expiresOn} (in ${days} day${days === 1 ? '' : 's'}). ${renew}`
  return null
}

/** Computes the environment's auth state from its profile, which secrets are set, and the cached session. */
export async function describeAuth(environment: Environment, vault: Vault, auth: Authenticator): Promise<AuthStatus> {
  const profile = environment.auth
  const has = (name: string): boolean => vault.has(secretKey(environment.id, name))
  const session = auth.session(environment.id)
  const expiry = vendorById(profile.kind)?.secretExpiry
  const method = statusMethod(profile, has)
  const base = {
    loggedInUntil: session?.expiresAt ?? null,
    lastError: auth.lastError(environment.id),
    expiryWarning: expiry ? expiryWarning(profileText(profile, expiry.field) || null, expiry.renew) : null
  }
  if (!method) return { ...base, using: null, headerPreview: null, unusedNote: null, loggedInAs: null, loginAvailable: false }
  const masked = async (): Promise<string> => maskSecret((await vault.reveal(secretKey(environment.id, method.secret))) ?? '')
  return {
    ...base,
    using: usingText(profile, method, has),
    loggedInAs: session ? sessionIdentity(profile, method) : null,
    loginAvailable: method.flow === 'client-credentials' || method.flow === 'session-login',
    headerPreview: await preview(method, masked, session),
    unusedNote: unusedNote(profile, method, has)
  }
}

/**
 * The credential named in the panel, with the other one a vendor sends to other paths ("Netskope v2 token, and the
 * Netskope v1 token for /api/v1"), or "... only (/api/v1)" when that path-bound one is all there is.
 */
function usingText(profile: { kind: string }, method: AuthMethod, has: (name: string) => boolean): string {
  if (method.paths?.note) return `${method.label} only (${method.paths.note})`
  const other = enabledMethods(profile).find((candidate) => candidate.secret !== method.secret && candidate.paths?.note && inputsPresent(candidate, profile, has, true))
  return other?.paths?.note ? `${method.label}, and the ${other.label} for ${other.paths.note}` : method.label
}

function sessionIdentity(profile: object, method: AuthMethod): string | null {
  if (method.flow === 'client-credentials') return profileText(profile, method.clientIdField)
  if (method.flow === 'session-login') return profileText(profile, method.usernameField)
  return null
}

async function preview(method: AuthMethod, masked: () => Promise<string>, session: Session | null): Promise<string> {
  switch (method.flow) {
    case 'header':
      return `${method.header}: ${method.prefix}${await masked()}`
    case 'param':
      return method.placement === 'form' ? `${method.param}=${await masked()} (form field)` : `?${method.param}=${await masked()}`
    case 'client-credentials':
      return `Authorization: Bearer ${session ? maskSecret(session.token) : `(token from ${method.tokenPath} on the next send)`}`
    case 'session-login':
      return `${method.header}: ${session ? maskSecret(session.token) : `(session from ${method.loginPath} on the next send)`}`
  }
}

/**
 * Stored credentials no request gets while `used` is sent: other methods for the same requests (a Netskope v1 token
 * serves other paths than the v2 one, so it is not unused).
 */
function unusedNote(profile: { kind: string }, used: AuthMethod, has: (name: string) => boolean): string | null {
  if (used.paths) return null
  const unused = (vendorById(profile.kind)?.auth ?? []).filter((other) => other.secret !== used.secret && !other.paths && inputsPresent(other, profile, has, true))
  return unused.length === 0 ? null : `Also stored but not sent: the ${unused.map((other) => other.label).join(' and the ')}.`
}
