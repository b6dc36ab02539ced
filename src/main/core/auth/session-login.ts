import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl } from '@shared/templating/template'
import { maskSecretValues } from '@shared/redaction/secret-values'
import type { ClientCredentialsMethod, SessionLoginMethod } from '@shared/vendors/definition'
import type { HttpEngine, SendOptions } from '../http/engine-contract'

export interface Session {
  token: string
  /** Epoch ms after which the token must not be used. */
  expiresAt: number
}

/**
 * Sends a small auth request through the engine (same TLS settings as the user's request) and parses its JSON.
 * `secret` (the client secret or password in the body) joins the send's secret values: the engine then refuses to
 * re-send the body to another origin on a 307/308 (src/main/core/http/redirects.ts) and masks it in its errors.
 */
async function postForJson(
  engine: HttpEngine,
  spec: RequestSpec,
  options: SendOptions,
  what: string,
  secret: string
): Promise<{ status: number; json: Record<string, unknown> | null; text: string }> {
  const result = await engine.send(spec, { ...options, onProgress: undefined, secretValues: [...(options.secretValues ?? []), secret] })
  void engine.release(result.responseId)
  let json: Record<string, unknown> | null = null
  try {
    const parsed: unknown = JSON.parse(result.preview.text)
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) json = parsed as Record<string, unknown>
  } catch {
    if (result.status < 400) throw new AppError('INVALID_BODY', `${what} answered ${result.status} with a body that is not JSON.`)
  }
  return { status: result.status, json, text: result.preview.text }
}

/**
 * The server's own words (its message member, else the first 300 characters of its answer) with the credential
 * masked: a server may repeat the request it rejected. Masked before the cut, so no half of a secret survives it.
 */
function serverMessage(json: Record<string, unknown> | null, fallback: string, secret: string): string {
  const errors = json?.['errors']
  // Falcon answers {"errors": [{"code": 403, "message": "..."}]}.
  const first: unknown = Array.isArray(errors) && errors[0] && typeof errors[0] === 'object' ? (errors[0] as Record<string, unknown>)['message'] : undefined
  const detail = json?.['detail'] ?? json?.['message'] ?? json?.['error_message'] ?? first
  return typeof detail === 'string' ? maskSecretValues(detail, [secret]) : maskSecretValues(fallback, [secret]).slice(0, 300)
}

/** What a username/password login needs: the vendor's flow (src/shared/vendors/definition.ts) and the values. */
export interface SessionLoginAttempt {
  flow: SessionLoginMethod
  vendor: string
  username: string
  password: string
}

/** A session login (InsightCloudSec's /v2/public/user/login): JSON {username, password} -> the flow's token field. */
export async function loginSession(engine: HttpEngine, environment: Environment, attempt: SessionLoginAttempt, options: SendOptions): Promise<Session> {
  const { flow, username, password } = attempt
  const spec: RequestSpec = {
    method: 'POST',
    url: joinBaseUrl(environment.baseUrl, flow.loginPath),
    query: [],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: { kind: 'json', text: JSON.stringify({ username, password }) }
  }
  const { status, json, text } = await postForJson(engine, spec, options, `${attempt.vendor} login`, password)
  const token = json?.[flow.tokenField]
  if (status >= 400 || typeof token !== 'string') {
    const detail = serverMessage(json, text || `no ${flow.tokenField} in the answer`, password)
    throw new AppError('INVALID_INPUT', `${attempt.vendor} login as "${username}" failed (HTTP ${status}): ${detail}.`, flow.hint)
  }
  const timeout = json?.[flow.timeout.field]
  const lifetimeSec = typeof timeout === 'number' && timeout > 0 ? timeout * flow.timeout.unitSec : flow.timeout.defaultSec
  // Renewed a minute early, so a token is never sent in its last seconds.
  return { token, expiresAt: Date.now() + Math.max(60, lifetimeSec - 60) * 1000 }
}

/**
 * Ends a session at the base URL that issued it (the environment's may have changed since), sending the token in
 * the header it was used in. Failures are ignored: the session is forgotten either way.
 */
export async function logoutSession(engine: HttpEngine, issuer: string, session: Session, logout: { path: string; header: string }, options: SendOptions): Promise<void> {
  const spec: RequestSpec = {
    method: 'POST',
    url: joinBaseUrl(issuer, logout.path),
    query: [],
    headers: [{ name: logout.header, value: session.token, enabled: true }],
    body: { kind: 'none' }
  }
  try {
    const result = await engine.send(spec, { ...options, onProgress: undefined })
    await engine.release(result.responseId)
  } catch {
    // Offline or already expired: nothing more to do.
  }
}

/** What an OAuth2 client-credentials exchange needs: the vendor's flow (src/shared/vendors/definition.ts) and the values. */
export interface ClientCredentialsExchange extends ClientCredentialsMethod {
  vendor: string
  clientId: string
  clientSecret: string
}

/**
 * OAuth2 client credentials (Cloud Exchange's /api/auth, Falcon's /oauth2/token): a form POST -> access_token, used
 * as Bearer until expires_in, else the JWT's exp, else the vendor's default lifetime; renewed a minute early.
 */
export async function loginClientCredentials(
  engine: HttpEngine,
  environment: Environment,
  exchange: ClientCredentialsExchange,
  options: SendOptions
): Promise<Session> {
  const { clientId, clientSecret } = exchange
  const spec: RequestSpec = {
    method: 'POST',
    url: joinBaseUrl(environment.baseUrl, exchange.tokenPath),
    query: [],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: {
      kind: 'form',
      fields: [...exchange.extraFields, ['client_id', clientId], ['client_secret', clientSecret]].map(([name, value]) => ({ name, value, enabled: true }))
    }
  }
  const { status, json, text } = await postForJson(engine, spec, options, `${exchange.vendor} ${exchange.tokenPath}`, clientSecret)
  const token = json?.['access_token']
  if (status >= 400 || typeof token !== 'string') {
    const locked = status === 401 && /locked/i.test(serverMessage(json, '', clientSecret))
    throw new AppError(
      'INVALID_INPUT',
      `${exchange.vendor} token request for client "${clientId}" failed (HTTP ${status}): ${serverMessage(json, text, clientSecret)}.`,
      locked ? 'The account is locked after repeated failures; wait, then check the client secret.' : exchange.hint
    )
  }
  const expiresIn = json?.['expires_in']
  const expiresAt = typeof expiresIn === 'number' && expiresIn > 0 ? Date.now() + Math.max(1, expiresIn - 60) * 1000 : jwtExpiry(token)
  return { token, expiresAt: expiresAt ?? Date.now() + exchange.defaultLifetimeSec * 1000 }
}

/** Reads `exp` from a JWT without verifying it (we only need to know when to renew). */
export function jwtExpiry(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    const exp = claims && typeof claims === 'object' ? (claims as Record<string, unknown>)['exp'] : undefined
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}
