import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import type { Environment } from '@shared/model/environment'
import type { Settings } from '@shared/model/settings'
import { AppError, type AppErrorShape } from '@shared/model/errors'
import type { HttpEngine, Progress, SendOptions } from './http/engine-contract'
import { RunRegistry } from './runs/run-registry'
import type { EnvironmentRepository } from './environments'
import type { SettingsStore } from './settings-store'
import type { Authenticator } from './auth/authenticator'
import { referencedSecrets, referencedSecretVariables, resolveRequest } from './resolve-request'
import { secretKey, variableSecretKey, type Vault } from './vault/vault'
import { maskErrorSecrets, maskSecretValues } from '@shared/redaction/secret-values'
import { ALLOW_HINT, checkOrigin, refusedMessage, withheldWarning } from './origin-policy'
import { maskSendResult, tokensInAnswer } from './result-masking'
import type { History } from './history/history-client'
import { credentialValues } from './auth/credential-values'

export interface SendExtra extends Pick<SendOptions, 'receiveBody'> {
  /**
   * false: this send is not a history entry of its own (an iterator run records itself once with its pages, see
   * core/iterator/run-log.ts; scope probes are not history at all).
   */
  history?: false
}

export interface RequestRunner {
  /** `extra.receiveBody` streams the final body to the caller instead of keeping it (see SendOptions). */
  send(runId: string, spec: RequestSpec, environmentId: string | null, onProgress: (p: Progress) => void,
    extra?: SendExtra): Promise<SendResult>
  /** True if a run with this id was in flight and is now aborted. */
  cancel(runId: string): boolean
  cancelAll(): void
}

/**
 * One send end to end: resolve the environment's variables, add its credential, apply settings and TLS, run the
 * engine; cancellable by runId. A 401/403 on a login-derived token logs in again once and retries.
 */
export function createRequestRunner(deps: {
  engine: HttpEngine
  environments: EnvironmentRepository
  settings: SettingsStore
  auth: Authenticator
  vault: Vault
  /** Every send is recorded (the store redacts); optional so engine-level tests can leave it out. */
  history?: Pick<History, 'add'>
}): RequestRunner {
  const runs = new RunRegistry((runId) => `A request with run id "${runId}" is already running.`)

  async function sendWithAuth(environment: Environment, spec: RequestSpec, options: SendOptions): Promise<SendResult> {
    const first = await deps.auth.apply(environment, spec, options)
    const result = await deps.engine.send(first.spec, options)
    // Lets the auth panel say "401: wrong or expired" vs "403: token lacks scope" for ordinary requests too.
    deps.auth.observe(environment.id, first.applied, result.status)
    if (typeof first.applied === 'string' || !first.applied.session || (result.status !== 401 && result.status !== 403)) return result
    deps.auth.invalidate(environment.id)
    await deps.engine.release(result.responseId)
    const second = await deps.auth.apply(environment, spec, options)
    const retried = await deps.engine.send(second.spec, options)
    deps.auth.observe(environment.id, second.applied, retried.status)
    return retried
  }

  /**
   * With an environment: its secrets and variables, its credential (only to its own or an allowed origin, see
   * origin-policy.ts), a re-login on 401/403, and every secret value masked in what goes back.
   */
  async function sendInEnvironment(environment: Environment, spec: RequestSpec, options: SendOptions, history: Pick<History, 'add'> | undefined): Promise<SendResult> {
    const secrets = await revealSecrets(deps.vault, environment, spec)
    const resolved = resolveRequest(spec, environment, secrets)
    const origin = checkOrigin(environment, resolved.url)
    if (!origin.allowed && secrets.size > 0) {
      // Placeholder names as written: `secret.NAME` for an auth secret, the bare name for a secret variable.
      const names = [...secrets.keys()]
      throw new AppError('INVALID_INPUT', maskSecretValues(refusedMessage(environment, origin.origin, names), secrets.values()), ALLOW_HINT)
    }
    const values = options.secretValues ?? []
    values.push(...secrets.values(), ...(await credentialValues(deps.vault, environment).catch(() => [])))
    const sent = origin.allowed ? await sendWithAuth(environment, resolved, options) : await sendWithheld(environment, resolved, options, origin.origin)
    if (secrets.size > 0) values.push(...tokensInAnswer(sent.preview.text))
    const result = maskSendResult(sent, values)
    if (history) history.add({ spec, environmentId: environment.id, result, secretValues: values })
    return result
  }

  /** A request to a foreign origin goes out as the user wrote it, without the environment's credential. */
  async function sendWithheld(environment: Environment, spec: RequestSpec, options: SendOptions, origin: string): Promise<SendResult> {
    const result = await deps.engine.send(spec, options)
    if (environment.auth.kind === 'none') return result
    return { ...result, warnings: [...result.warnings, withheldWarning(origin)] }
  }

  return {
    async send(runId, spec, environmentId, onProgress, extra) {
      const signal = runs.start(runId)
      let options: SendOptions | null = null
      const history = extra?.history === false ? undefined : deps.history
      try {
        const environment = environmentId === null ? null : deps.environments.get(environmentId)
        options = sendOptionsFor(deps.settings.get(), environment, signal, onProgress, extra?.receiveBody)
        if (environment !== null) return await sendInEnvironment(environment, spec, options, history)
        // No environment: no secrets, no credential, nothing to mask; straight to the engine (every allocation and
        // promise hop here counts against the per-request overhead budget, see bench/engine-overhead.ts).
        const result = await deps.engine.send(resolveRequest(spec, null), options)
        history?.add({ spec, environmentId: null, result })
        return result
      } catch (failure) {
        // The engine and the logins mask their own errors; this catches whatever else a send threw (the one step
        // before IPC and history), so no error leaves a send with one of its secret values in it.
        const secretValues = options?.secretValues ?? []
        const error = maskErrorSecrets(failure, secretValues)
        history?.add({ spec, environmentId, error: errorShape(error), secretValues })
        throw error
      } finally {
        runs.finish(runId, signal)
      }
    },
    cancel: (runId) => runs.cancel(runId),
    cancelAll: () => runs.cancelAll()
  }
}

function errorShape(error: unknown): AppErrorShape {
  return error instanceof AppError ? { code: error.code, message: error.message } : { code: 'INTERNAL', message: 'The send failed unexpectedly.' }
}

const DEFAULT_TLS: SendOptions['tls'] = Object.freeze({ verify: true, caPath: null })

/**
 * Engine options from the user's settings and the environment's TLS choice. One object literal with every field,
 * so each send's options have the same shape and no spreads are made per send.
 */
export function sendOptionsFor(
  settings: Settings,
  environment: Environment | null,
  signal?: SendOptions['signal'],
  onProgress?: SendOptions['onProgress'],
  receiveBody?: SendOptions['receiveBody']
): SendOptions {
  return {
    connectTimeoutMs: settings.connectTimeoutMs,
    totalTimeoutMs: settings.totalTimeoutMs,
    maxRedirects: settings.maxRedirects,
    maxDecodedBytes: settings.maxDecodedBytes,
    tls: environment?.tls ?? DEFAULT_TLS,
    signal,
    onProgress,
    receiveBody,
    secretValues: []
  }
}

/**
 * The vault values this send needs: `secret.NAME` for each `{{secret.NAME}}`, and each secret variable the request
 * uses under its own name. A value not set stays out, so the request fails as an unknown variable, never sends ''.
 */
async function revealSecrets(vault: Vault, environment: Environment | null, spec: RequestSpec): Promise<Map<string, string>> {
  const secrets = new Map<string, string>()
  if (!environment) return secrets
  for (const name of referencedSecrets(spec)) {
    const value = await vault.reveal(secretKey(environment.id, name))
    if (value !== null) secrets.set(`secret.${name}`, value)
  }
  for (const name of referencedSecretVariables(spec, environment)) {
    const value = await vault.reveal(variableSecretKey(environment.id, name))
    if (value !== null) secrets.set(name, value)
  }
  return secrets
}
