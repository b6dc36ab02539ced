import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestSpec } from '@shared/model/request'
import type { HttpEngine, SendOptions } from '../http/engine-contract'
import { secretKey, type Vault } from '../vault/vault'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl } from '@shared/templating/template'
import { profileText, vendorById } from '@shared/vendors/registry'
import { describeStatus, describeThrown, type AuthFailure } from './auth-failure'
import type { AppliedAuth } from './applied-auth'
import { loginClientCredentials, loginSession, logoutSession, type Session } from './session-login'
import { alreadyCarried, chooseMethod, type CarriedNames } from '@shared/vendors/auth-methods'
import { SessionCache, type CachedSession } from './session-cache'

export interface Authenticator {
  apply(environment: Environment, spec: RequestSpec, options: SendOptions): Promise<{ spec: RequestSpec; applied: AppliedAuth }>
  /** Forgets a cached login session, e.g. after the server answered 401/403 or the credentials changed. */
  invalidate(environmentId: string): void
  /** The cached session, for logout and for the auth panel's "logged in until". */
  session(environmentId: string): Session | null
  /**
   * Logs in now (a session login or an OAuth2 token exchange), as the next send would; the session, or null when
   * the environment's credential needs no login.
   */
  login(environment: Environment, options: SendOptions): Promise<Session | null>
  /** Ends the cached session (a session login's logout call; an OAuth2 token is simply dropped). */
  logout(environment: Environment, options: SendOptions): Promise<boolean>
  /** After an environment is saved: drops (and logs out) sessions issued for an origin it no longer has. */
  forgetStale(environment: Environment, options: SendOptions): Promise<void>
  /** At quit: logs every session out where it was issued (waiting at most `waitMs`), forgets all. */
  closeAll(options: SendOptions, waitMs: number): Promise<void>
  /** Records how the server answered a request that carried this environment's credential (401/403 -> last error). */
  observe(environmentId: string, applied: AppliedAuth, status: number): void
  /** The last auth failure in plain words, or null after a success. */
  lastError(environmentId: string): string | null
}

/** A failed login is not repeated with the same credentials for this long: repeated failures lock accounts. */
export const FAILED_LOGIN_HOLD_MS = 60_000

const row = (name: string, value: string): KeyValue => ({ name, value, enabled: true })

/**
 * Adds the environment's credential to an already resolved request, reading secrets from the vault at send time.
 * A header the user typed by hand wins over the profile (it is their explicit choice).
 */
export function createAuthenticator(engine: HttpEngine, vault: Vault): Authenticator {
  const sessions = new SessionCache()
  const failures = new Map<string, AuthFailure>()
  const secret = (environment: Environment, name: string): Promise<string | null> => vault.reveal(secretKey(environment.id, name))

  /** The session token, also recorded in the send's secret values so that echoes of it are masked. */
  async function sessionFor(environment: Environment, options: SendOptions, key: string, login: () => Promise<Session>, logout: CachedSession['logout']): Promise<string> {
    const token = await cachedOrFreshSession(environment, key, login, logout)
    options.secretValues?.push(token)
    return token
  }

  async function cachedOrFreshSession(environment: Environment, key: string, login: () => Promise<Session>, logout: CachedSession['logout']): Promise<string> {
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
      sessions.set(environment.id, key, { ...fresh, issuer: environment.baseUrl, tls: environment.tls, logout })
      failures.delete(environment.id)
      return fresh.token
    } catch (failure) {
      const error = failure instanceof AppError ? failure : null
      const message = error ? [error.message, error.hint].filter(Boolean).join(' ') : describeThrown(failure)
      failures.set(environment.id, { message, at: Date.now(), error })
      throw failure
    }
  }

  /** The vendor's first method that fits this request (src/shared/vendors/auth-methods.ts), with its secret. */
  async function applyProfile(environment: Environment, spec: RequestSpec, options: SendOptions): Promise<{ spec: RequestSpec; applied: AppliedAuth }> {
    const profile = environment.auth
    const vendor = vendorById(profile.kind)
    const method = chooseMethod(profile, pathOf(spec), (name) => vault.has(secretKey(environment.id, name)), true)
    if (!vendor || !method) return { spec, applied: 'none' }
    if (alreadyCarried(profile, method, carriedNames(spec))) return { spec, applied: 'manual' }
    const value = await secret(environment, method.secret)
    if (value === null) return { spec, applied: 'none' }
    const applied = { credential: method.label, session: method.flow === 'client-credentials' || method.flow === 'session-login' }
    switch (method.flow) {
      case 'header':
        return { spec: withHeader(spec, method.header, `${method.prefix}${value}`), applied }
      case 'param':
        return { spec: withParam(spec, method.param, value, method.placement), applied }
      case 'client-credentials': {
        const clientId = profileText(profile, method.clientIdField)
        const exchange = { ...method, vendor: vendor.labels.authMode, clientId, clientSecret: value }
        const login = (): Promise<Session> => loginClientCredentials(engine, environment, exchange, options)
        const token = await sessionFor(environment, options, SessionCache.key(environment, clientId, value), login, null)
        return { spec: withHeader(spec, 'Authorization', `Bearer ${token}`), applied }
      }
      case 'session-login': {
        const attempt = { flow: method, vendor: vendor.labels.authMode, username: profileText(profile, method.usernameField), password: value }
        const login = (): Promise<Session> => loginSession(engine, environment, attempt, options)
        const logout = { path: method.logoutPath, header: method.header }
        const token = await sessionFor(environment, options, SessionCache.key(environment, attempt.username, value), login, logout)
        return { spec: withHeader(spec, method.header, token), applied }
      }
    }
  }

  /** Sessions with a logout are ended at the host that issued them; tokens without one (OAuth2) are simply dropped. */
  function end(ended: CachedSession[], options: SendOptions): Promise<unknown> {
    return Promise.allSettled(ended.map((session) => session.logout && logoutSession(engine, session.issuer, session, session.logout, { ...options, tls: session.tls })))
  }

  return {
    apply: applyProfile,
    invalidate(environmentId) {
      sessions.take(environmentId)
      // Keep the message for the panel but allow a fresh login attempt.
      const failure = failures.get(environmentId)
      if (failure) failures.set(environmentId, { message: failure.message, at: failure.at, error: null })
    },
    observe(environmentId, applied, status) {
      if (typeof applied === 'string') return
      if (status === 401 || status === 403) failures.set(environmentId, { message: describeStatus(applied, status), at: Date.now(), error: null })
      else if (status < 400) failures.delete(environmentId)
    },
    lastError: (environmentId) => failures.get(environmentId)?.message ?? null,
    session: (environmentId) => sessions.newest(environmentId),
    async login(environment, options) {
      // The login the next send to the base URL would make, made now.
      const spec: RequestSpec = { method: 'GET', url: joinBaseUrl(environment.baseUrl, '/'), query: [], headers: [], body: { kind: 'none' } }
      const { applied } = await applyProfile(environment, spec, options)
      return typeof applied !== 'string' && applied.session ? sessions.newest(environment.id) : null
    },
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

/** Header names (lower case) and query, URL and form parameter names the request already has. */
function carriedNames(spec: RequestSpec): CarriedNames {
  const urlParams = URL.canParse(spec.url) ? [...new URL(spec.url).searchParams.keys()] : []
  const fields = spec.body.kind === 'form' ? spec.body.fields.map((row) => row.name) : []
  const lower = (names: string[]): string[] => names.map((name) => name.toLowerCase())
  return { headers: lower(spec.headers.map((row) => row.name)), params: lower([...spec.query.map((row) => row.name), ...urlParams, ...fields]) }
}

function withHeader(spec: RequestSpec, name: string, value: string): RequestSpec {
  return { ...spec, headers: [...spec.headers, row(name, value)] }
}

/** A query parameter (Netskope v1 docs style), or a form field when asked and the body is a form or empty. */
function withParam(spec: RequestSpec, name: string, value: string, placement: 'query' | 'form'): RequestSpec {
  if (placement === 'form' && (spec.body.kind === 'form' || spec.body.kind === 'none')) {
    const fields = spec.body.kind === 'form' ? spec.body.fields : []
    return { ...spec, body: { kind: 'form', fields: [...fields, row(name, value)] } }
  }
  return { ...spec, query: [...spec.query, row(name, value)] }
}
