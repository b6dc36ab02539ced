import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import type { Environment } from '@shared/model/environment'
import type { Settings } from '@shared/model/settings'
import { AppError } from '@shared/model/errors'
import type { HttpEngine, Progress, SendOptions } from './http/types'
import type { EnvironmentRepository } from './environments'
import type { SettingsStore } from './settings-store'
import type { Authenticator } from './auth/authenticator'
import { resolveRequest } from './resolve-request'

export interface RequestRunner {
  send(runId: string, spec: RequestSpec, environmentId: string | null, onProgress: (p: Progress) => void): Promise<SendResult>
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
}): RequestRunner {
  const running = new Map<string, AbortController>()

  async function sendWithAuth(environment: Environment | null, spec: RequestSpec, options: SendOptions): Promise<SendResult> {
    if (!environment) return deps.engine.send(spec, options)
    const first = await deps.auth.apply(environment, spec, options)
    const result = await deps.engine.send(first.spec, options)
    if (first.applied !== 'session' || (result.status !== 401 && result.status !== 403)) return result
    deps.auth.invalidate(environment.id)
    await deps.engine.release(result.responseId)
    const second = await deps.auth.apply(environment, spec, options)
    return deps.engine.send(second.spec, options)
  }

  return {
    async send(runId, spec, environmentId, onProgress) {
      if (running.has(runId)) throw new AppError('INVALID_INPUT', `A request with run id "${runId}" is already running.`)
      const environment = environmentId === null ? null : deps.environments.get(environmentId)
      const resolved = resolveRequest(spec, environment)
      const controller = new AbortController()
      running.set(runId, controller)
      try {
        const options = sendOptionsFor(deps.settings.get(), environment)
        return await sendWithAuth(environment, resolved, { ...options, signal: controller.signal, onProgress })
      } finally {
        running.delete(runId)
      }
    },
    cancel(runId) {
      const controller = running.get(runId)
      controller?.abort()
      return controller !== undefined
    },
    cancelAll() {
      for (const controller of running.values()) controller.abort()
    }
  }
}

/** Engine options from the user's settings and the environment's TLS choice. */
export function sendOptionsFor(settings: Settings, environment: Environment | null): SendOptions {
  return {
    connectTimeoutMs: settings.connectTimeoutMs,
    totalTimeoutMs: settings.totalTimeoutMs,
    maxRedirects: settings.maxRedirects,
    maxDecodedBytes: settings.maxDecodedBytes,
    tls: environment?.tls ?? { verify: true, caPath: null }
  }
}
