import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import { AppError } from '@shared/model/errors'
import type { HttpEngine, Progress } from './http/types'
import type { EnvironmentRepository } from './environments'
import type { SettingsStore } from './settings-store'
import { resolveRequest } from './resolve-request'

export interface RequestRunner {
  send(runId: string, spec: RequestSpec, environmentId: string | null, onProgress: (p: Progress) => void): Promise<SendResult>
  /** True if a run with this id was in flight and is now aborted. */
  cancel(runId: string): boolean
  cancelAll(): void
}

/** One send end to end: resolve the environment, apply settings and TLS, run the engine, allow cancel by runId. */
export function createRequestRunner(deps: {
  engine: HttpEngine
  environments: EnvironmentRepository
  settings: SettingsStore
}): RequestRunner {
  const running = new Map<string, AbortController>()

  return {
    async send(runId, spec, environmentId, onProgress) {
      if (running.has(runId)) throw new AppError('INVALID_INPUT', `A request with run id "${runId}" is already running.`)
      const environment = environmentId === null ? null : deps.environments.get(environmentId)
      const resolved = resolveRequest(spec, environment)
      const settings = deps.settings.get()
      const controller = new AbortController()
      running.set(runId, controller)
      try {
        return await deps.engine.send(resolved, {
          connectTimeoutMs: settings.connectTimeoutMs,
          totalTimeoutMs: settings.totalTimeoutMs,
          maxRedirects: settings.maxRedirects,
          maxDecodedBytes: settings.maxDecodedBytes,
          tls: environment?.tls ?? { verify: true, caPath: null },
          signal: controller.signal,
          onProgress
        })
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
