import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl } from '@shared/templating/template'
import { maskSecretValues } from '@shared/redaction/secret-values'
import type { ClientCredentials } from '@shared/vendors/definition'
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

/** InsightCloudSec: POST /v2/public/user/login -> session_id, sent afterwards as x-auth-token. */
export async function loginInsightCloudSec(
  engine: HttpEngine,
  environment: Environment,
  username: string,
  password: string,
  options: SendOptions
): Promise<Session> {
  const spec: RequestSpec = {
    method: 'POST',
    url: joinBaseUrl(environment.baseUrl, '/v2/public/user/login'),
    query: [],
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: { kind: 'json', text: JSON.stringify({ username, password }) }
  }
  const { status, json, text } = await postForJson(engine, spec, options, 'InsightCloudSec login', password)
  const sessionId = json?.['session_id']
  if (status >= 400 || typeof sessionId !== 'string') {
    throw new AppError(
      'INVALID_INPUT',
      `InsightCloudSec login as "${username}" failed (HTTP ${status}): ${serverMessage(json, text || 'no session_id in the answer', password)}.`,
      'Check the username and password in the auth panel. SSO users cannot log in through the API: use an API key.'
    )
  }
  // session_timeout's unit is not documented by InsightCloudSec; minutes fits every sample answer. Renew a minute early.
  const timeout = typeof json?.['session_timeout'] === 'number' ? json['session_timeout'] : 60
  return { token: sessionId, expiresAt: Date.now() + Math.max(1, timeout - 1) * 60_000 }
}

/**
 * POST /v2/public/user/logout with the session, at the base URL that issued it (the environment's may have changed
 * since); the server answers 200 with an empty body. Failures are ignored: the session is forgotten either way.
 */
export async function logoutInsightCloudSec(engine: HttpEngine, issuer: string, session: Session, options: SendOptions): Promise<void> {
  const spec: RequestSpec = {
    method: 'POST',
    url: joinBaseUrl(issuer, '/v2/public/user/logout'),
    query: [],
    headers: [{ name: 'x-auth-token', value: session.token, enabled: true }],
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
export interface ClientCredentialsExchange extends ClientCredentials {
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
