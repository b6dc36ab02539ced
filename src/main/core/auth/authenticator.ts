import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestSpec } from '@shared/model/request'
import type { AuthProfile } from '@shared/model/auth'
import type { HttpEngine, SendOptions } from '../http/engine-contract'
import { secretKey, type Vault } from '../vault/vault'
import { AppError } from '@shared/model/errors'
import { profileText, vendorById } from '@shared/vendors/registry'
import { describeStatus, describeThrown, type AuthFailure } from './auth-failure'
import type { AppliedAuth } from './applied-auth'
import { loginClientCredentials, loginInsightCloudSec, logoutInsightCloudSec, type Session } from './session-login'
import { SessionCache, type CachedSession } from './session-cache'

export interface Authenticator {
  apply(environment: Environment, spec: RequestSpec, options: SendOptions): Promise<{ spec: RequestSpec; applied: AppliedAuth }>
  /** Forgets a cached login session, e.g. after the server answered 401/403 or the credentials changed. */
  invalidate(environmentId: string): void
  /** The cached session, for logout and for the auth panel's "logged in until". */
  session(environmentId: string): Session | null
  /** Ends the cached session (InsightCloudSec's logout call; a CE token is simply dropped). */
  logout(environment: Environment, options: SendOptions): Promise<boolean>
  /** After an environment is saved: drops (and logs out) sessions issued for an origin it no longer has. */
  forgetStale(environment: Environment, options: SendOptions): Promise<void>
  /** At quit: logs every InsightCloudSec session out where it was issued (waiting at most `waitMs`), forgets all. */
  closeAll(options: SendOptions, waitMs: number): Promise<void>
  /** Records how the server answered a request that carried this environment's credential (401/403 -> last error). */
  observe(environmentId: string, applied: AppliedAuth, status: number): void
  /** The last auth failure in plain words, or null after a success. */
  lastError(environmentId: string): string | null
}

/** A failed login is not repeated with the same credentials for this long: repeated failures lock accounts. */
export const FAILED_LOGIN_HOLD_MS = 60_000

const header = (name: string, value: string): KeyValue => ({ name, value, enabled: true })
const hasHeader = (spec: RequestSpec, name: string): boolean =>
  spec.headers.some((row) => row.name.toLowerCase() === name.toLowerCase())

/**
 * Adds the environment's credential to an already resolved request, reading secrets from the vault at send time.
 * A header the user typed by hand wins over the profile (it is their explicit choice).
 */
export function createAuthenticator(engine: HttpEngine, vault: Vault): Authenticator {
  const sessions = new SessionCache()
  const failures = new Map<string, AuthFailure>()
  const secret = (environment: Environment, name: string): Promise<string | null> => vault.reveal(secretKey(environment.id, name))

  /** The session token, also recorded in the send's secret values so that echoes of it are masked. */
  async function sessionFor(environment: Environment, options: SendOptions, key: string, login: () => Promise<Session>): Promise<string> {
    const token = await cachedOrFreshSession(environment, key, login)
    options.secretValues?.push(token)
    return token
  }

  async function cachedOrFreshSession(environment: Environment, key: string, login: () => Promise<Session>): Promise<string> {
    const cached = sessions.get(environment.id, key)
    if (cached && cached.expiresAt > Date.now()) return cached.token
    const held = failures.get(environment.id)
    if (held?.error && Date.now() - held.at < FAILED_LOGIN_HOLD_MS) {
      // No retry storm: the same credentials just failed. Changing a secret, the profile or logging out clears this.
      const seconds = Math.ceil((FAILED_LOGIN_HOLD_MS - (Date.now() - held.at)) / 1000)
      throw new AppError(held.error.code, `${held.error.message} (Not retried for ${seconds} s: the same credentials just failed. Change them, or press Log out in the auth panel to retry now.)`, held.error.hint)
    }
    try {
      const fresh = await login()
      sessions.set(environment.id, key, { ...fresh, issuer: environment.baseUrl, tls: environment.tls, kind: environment.auth.kind })
      failures.delete(environment.id)
      return fresh.token
    } catch (failure) {
      const error = failure instanceof AppError ? failure : null
      const message = error ? [error.message, error.hint].filter(Boolean).join(' ') : describeThrown(failure)
      failures.set(environment.id, { message, at: Date.now(), error })
      throw failure
    }
  }

  async function applyProfile(
    profile: AuthProfile,
    environment: Environment,
    spec: RequestSpec,
    options: SendOptions
  ): Promise<{ spec: RequestSpec; applied: AppliedAuth }> {
    switch (profile.kind) {
      case 'none':
        return { spec, applied: 'none' }
      case 'netskope': {
        if (pathOf(spec).startsWith('/api/v1/')) {
          const token = await secret(environment, 'v1Token')
          if (token === null) return { spec, applied: 'none' }
          return { spec: withV1Token(spec, token, profile.v1Placement), applied: 'netskope-v1' }
        }
        const token = await secret(environment, 'v2Token')
        if (token === null) return { spec, applied: 'none' }
        const added = profile.v2Scheme === 'bearer' ? header('Authorization', `Bearer ${token}`) : header('Netskope-Api-Token', token)
        if (hasHeader(spec, added.name)) return { spec, applied: 'manual' }
        return { spec: { ...spec, headers: [...spec.headers, added] }, applied: 'netskope-v2' }
      }
      case 'insightcloudsec': {
        if (hasHeader(spec, 'Api-Key') || hasHeader(spec, 'x-auth-token')) return { spec, applied: 'manual' }
        // With both credentials, send only the API key: InsightCloudSec prefers Api-Key and would ignore the token.
        const apiKey = await secret(environment, 'apiKey')
        if (apiKey !== null) return { spec: { ...spec, headers: [...spec.headers, header('Api-Key', apiKey)] }, applied: 'api-key' }
        const password = await secret(environment, 'password')
        if (password === null || profile.username === '' || isPath(spec, '/v2/public/user/login')) return { spec, applied: 'none' }
        const key = SessionCache.key(environment, profile.username, password)
        const token = await sessionFor(environment, options, key, () => loginInsightCloudSec(engine, environment, profile.username, password, options))
        return { spec: { ...spec, headers: [...spec.headers, header('x-auth-token', token)] }, applied: 'session' }
      }
      default:
        return applyClientCredentials(profile, environment, spec, options)
    }
  }

  /** OAuth2 client credentials (src/shared/vendors/definition.ts): the exchange's token as Bearer, cached until it expires. */
  async function applyClientCredentials(
    profile: AuthProfile,
    environment: Environment,
    spec: RequestSpec,
    options: SendOptions
  ): Promise<{ spec: RequestSpec; applied: AppliedAuth }> {
    const vendor = vendorById(profile.kind)
    const flow = vendor?.clientCredentials
    if (!vendor || !flow) return { spec, applied: 'none' }
    const clientId = profileText(profile, flow.clientIdField)
    const clientSecret = await secret(environment, flow.secret)
    if (clientSecret === null || clientId === '' || isPath(spec, flow.tokenPath)) return { spec, applied: 'none' }
    if (hasHeader(spec, 'Authorization')) return { spec, applied: 'manual' }
    const key = SessionCache.key(environment, clientId, clientSecret)
    const exchange = { ...flow, vendor: vendor.labels.authMode, clientId, clientSecret }
    const token = await sessionFor(environment, options, key, () => loginClientCredentials(engine, environment, exchange, options))
    return { spec: { ...spec, headers: [...spec.headers, header('Authorization', `Bearer ${token}`)] }, applied: 'session' }
  }

  /** ICS sessions are ended at the host that issued them; CE tokens have no logout and are simply dropped. */
  function end(ended: CachedSession[], options: SendOptions): Promise<unknown> {
    return Promise.allSettled(ended.filter((session) => session.kind === 'insightcloudsec')
      .map((session) => logoutInsightCloudSec(engine, session.issuer, session, { ...options, tls: session.tls })))
  }

  return {
    apply: (environment, spec, options) => applyProfile(environment.auth, environment, spec, options),
    invalidate(environmentId) {
      sessions.take(environmentId)
      // Keep the message for the panel but allow a fresh login attempt.
      const failure = failures.get(environmentId)
      if (failure) failures.set(environmentId, { message: failure.message, at: failure.at, error: null })
    },
    observe(environmentId, applied, status) {
      if (applied === 'none' || applied === 'manual') return
      if (status === 401 || status === 403) failures.set(environmentId, { message: describeStatus(applied, status), at: Date.now(), error: null })
      else if (status < 400) failures.delete(environmentId)
    },
    lastError: (environmentId) => failures.get(environmentId)?.message ?? null,
    session: (environmentId) => sessions.newest(environmentId),
    async logout(environment, options) {
      const ended = sessions.take(environment.id)
      failures.delete(environment.id)
      await end(ended, options)
      return ended.length > 0
    },
    async forgetStale(environment, options) {
      await end(sessions.takeStale(environment), options)
    },
    async closeAll(options, waitMs) {
      let timer: NodeJS.Timeout | undefined
      const bounded = new Promise((resolve) => { timer = setTimeout(resolve, waitMs) })
      await Promise.race([end(sessions.takeAll(), options), bounded])
      clearTimeout(timer)
    }
  }
}

/** The URL's path, or '' when the URL does not parse (the engine then reports it with a clear message). */
function pathOf(spec: RequestSpec): string {
  return URL.canParse(spec.url) ? new URL(spec.url).pathname : ''
}

function isPath(spec: RequestSpec, path: string): boolean {
  return pathOf(spec).replace(/\/+$/, '') === path
}

/** Netskope v1: `token` as a query parameter (docs style) or a form field (CE's validation call). */
function withV1Token(spec: RequestSpec, token: string, placement: 'query' | 'form'): RequestSpec {
  const hasToken = (rows: KeyValue[]): boolean => rows.some((row) => row.name === 'token')
  if (hasToken(spec.query) || (URL.canParse(spec.url) && new URL(spec.url).searchParams.has('token'))) return spec
  if (placement === 'form' && (spec.body.kind === 'form' || spec.body.kind === 'none')) {
    const fields = spec.body.kind === 'form' ? spec.body.fields : []
    if (hasToken(fields)) return spec
    return { ...spec, body: { kind: 'form', fields: [...fields, header('token', token)] } }
  }
  return { ...spec, query: [...spec.query, header('token', token)] }
}
