import type { Environment } from '@shared/model/environment'
import { maskSecret } from '@shared/redaction/redact'
import { secretKey, type Vault } from '../vault/vault'
import type { Authenticator } from './authenticator'
import { profileText, vendorById } from '@shared/vendors/registry'

export type EffectiveAuth = 'none' | 'api-key' | 'login' | 'netskope-v2' | 'netskope-v1-only' | 'client-credentials'

/** What the auth panel shows at a glance. Values are masked: nothing here may reveal a secret. */
export interface AuthStatus {
  effective: EffectiveAuth
  /** The credential header (or parameter) the next request will carry, value masked; null when none. */
  headerPreview: string | null
  /** Epoch ms when the cached login session (ICS) or token (CE) expires; null when none is cached. */
  loggedInUntil: number | null
  lastError: string | null
  /** InsightCloudSec with both an API key and a login: the key is used. */
  bothIcsCredentials: boolean
  /** Cloud Exchange: the client secret expires soon or has expired. */
  expiryWarning: string | null
}

const WARN_DAYS = 14

/** A warning when a credential's end date (YYYY-MM-DD, end of that day UTC) is within WARN_DAYS or past. */
export function expiryWarning(expiresOn: string | null, now = Date.now()): string | null {
  if (expiresOn === null) return null
  const end = Date.parse(`${expiresOn}T23:59:59Z`)
  if (Number.isNaN(end)) return null
  const days = Math.ceil((end - now) / 86_400_000)
  const renew = 'Create a new one in Cloud Exchange (Settings > Users > API Tokens) and set it here.'
  if (days <= 0) return `The client secret expired on ${expiresOn}. ${renew}`
  if (days <= WARN_DAYS) return `The client secret expires on ${expiresOn} (in ${days} day${days === 1 ? '' : 's'}). ${renew}`
  return null
}

/** Computes the environment's auth state from its profile, which secrets are set, and the cached session. */
export async function describeAuth(environment: Environment, vault: Vault, auth: Authenticator): Promise<AuthStatus> {
  const has = (name: string): boolean => vault.has(secretKey(environment.id, name))
  const masked = async (name: string): Promise<string> => maskSecret((await vault.reveal(secretKey(environment.id, name))) ?? '')
  const session = auth.session(environment.id)
  const base = {
    loggedInUntil: session?.expiresAt ?? null,
    lastError: auth.lastError(environment.id),
    bothIcsCredentials: false,
    expiryWarning: environment.auth.kind === 'cloud-exchange' ? expiryWarning(environment.auth.secretExpiresOn) : null
  }
  const profile = environment.auth
  switch (profile.kind) {
    case 'none':
      return { ...base, effective: 'none', headerPreview: null }
    case 'netskope':
      if (has('v2Token')) {
        const value = await masked('v2Token')
        const headerPreview = profile.v2Scheme === 'bearer' ? `Authorization: Bearer ${value}` : `Netskope-Api-Token: ${value}`
        return { ...base, effective: 'netskope-v2', headerPreview }
      }
      if (has('v1Token')) {
        const value = await masked('v1Token')
        return { ...base, effective: 'netskope-v1-only', headerPreview: profile.v1Placement === 'form' ? `token=${value} (form field)` : `?token=${value}` }
      }
      return { ...base, effective: 'none', headerPreview: null }
    case 'insightcloudsec': {
      const login = profile.username !== '' && has('password')
      if (has('apiKey')) return { ...base, effective: 'api-key', headerPreview: `Api-Key: ${await masked('apiKey')}`, bothIcsCredentials: login }
      if (!login) return { ...base, effective: 'none', headerPreview: null }
      return {
        ...base,
        effective: 'login',
        headerPreview: `x-auth-token: ${session ? maskSecret(session.token) : '(session from /v2/public/user/login on the next send)'}`
      }
    }
    default: {
      const flow = vendorById(profile.kind)?.clientCredentials
      if (!flow || profileText(profile, flow.clientIdField) === '' || !has(flow.secret)) return { ...base, effective: 'none', headerPreview: null }
      return {
        ...base,
        effective: 'client-credentials',
        headerPreview: `Authorization: Bearer ${session ? maskSecret(session.token) : `(token from ${flow.tokenPath} on the next send)`}`
      }
    }
  }
}
