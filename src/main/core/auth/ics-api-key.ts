import type { Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { joinBaseUrl } from '@shared/templating/template'
import type { HttpEngine, SendOptions } from '../http/engine-contract'
import { secretKey, type Vault } from '../vault/vault'
import type { Authenticator } from './authenticator'
import { credentialValues } from './credential-values'
import { maskSecretValues } from '@shared/redaction/secret-values'

/** A request with the environment's credential, its JSON answer parsed; the body file is released before returning. */
async function authedJson(
  deps: { engine: HttpEngine; auth: Authenticator },
  environment: Environment,
  spec: RequestSpec,
  options: SendOptions
): Promise<{ status: number; json: unknown }> {
  const { spec: withAuth } = await deps.auth.apply(environment, spec, options)
  const result = await deps.engine.send(withAuth, { ...options, onProgress: undefined })
  await deps.engine.release(result.responseId)
  let json: unknown = null
  try {
    json = JSON.parse(result.preview.text)
  } catch {
    json = null
  }
  return { status: result.status, json }
}

/** `values`: the secrets the calls carried; a server may quote the request (its Api-Key header) in error_message. */
function failure(step: string, status: number, json: unknown, values: string[]): AppError {
  const record = json && typeof json === 'object' ? (json as Record<string, unknown>) : {}
  const detail = record['error_message'] ?? record['message'] ?? record['detail']
  const hint =
    status === 401 || status === 403
      ? 'The current credential may not create keys: basic users need the "API Key Generation Allowed" permission.'
      : undefined
  const quoted = typeof detail === 'string' ? `: ${maskSecretValues(detail, values)}` : ''
  return new AppError('INVALID_INPUT', `InsightCloudSec ${step} failed (HTTP ${status})${quoted}.`, hint)
}

/**
 * Generates a new API key for the signed-in user (POST /v2/public/apikey/create, which deactivates the old key) and
 * stores it in the vault as this environment's apiKey. The key is never returned: the renderer only learns it is set.
 */
export async function createIcsApiKey(
  deps: { engine: HttpEngine; auth: Authenticator; vault: Vault },
  environment: Environment,
  sendOptions: SendOptions
): Promise<{ userId: string }> {
  if (environment.auth.kind !== 'insightcloudsec') {
    throw new AppError('INVALID_INPUT', `Environment "${environment.name}" does not use InsightCloudSec auth; API keys can only be generated there.`)
  }
  // The calls' own secret values (the authenticator adds the session token), so the engine's errors are masked too.
  const secretValues = [...(sendOptions.secretValues ?? []), ...(await credentialValues(deps.vault, environment))]
  const options: SendOptions = { ...sendOptions, secretValues }
  const base = { query: [], headers: [{ name: 'Accept', value: 'application/json', enabled: true }] }
  const info = await authedJson(deps, environment, { ...base, method: 'GET', url: joinBaseUrl(environment.baseUrl, '/v2/public/user/info'), body: { kind: 'none' } }, options)
  const rawId = info.json && typeof info.json === 'object' ? (info.json as Record<string, unknown>)['user_id'] : undefined
  if (info.status >= 400 || (typeof rawId !== 'number' && typeof rawId !== 'string')) throw failure('user info (to find your user id)', info.status, info.json, secretValues)
  const userId = String(rawId)
  const created = await authedJson(
    deps,
    environment,
    {
      ...base,
      method: 'POST',
      url: joinBaseUrl(environment.baseUrl, '/v2/public/apikey/create'),
      body: { kind: 'json', text: JSON.stringify({ user_id: userId, key_length: 51 }) }
    },
    options
  )
  // The answer is a bare JSON string ("not valid json, just a quoted string"); accept {api_key} too.
  const key = typeof created.json === 'string' ? created.json : (created.json as Record<string, unknown> | null)?.['api_key']
  if (created.status >= 400 || typeof key !== 'string' || key === '') throw failure('API key creation', created.status, created.json, secretValues)
  await deps.vault.set(secretKey(environment.id, 'apiKey'), key)
  deps.auth.invalidate(environment.id)
  return { userId }
}
