/**
 * Token scope checker, the probing part: one read-only GET per scope path with the environment's current v2 token,
 * through the app's normal send path (auth, TLS, settings; not history: a probe is a check, not a request the user
 * sent, and a check of every module was dozens of entries), classified by the shared rules
 * (2xx granted, 401 token invalid, 403 missing, 429/5xx/network unknown with the reason).
 */
import { AppError } from '@shared/model/errors'
import type { SendResult } from '@shared/model/response'
import type { RequestSpec } from '@shared/model/request'
import { iteratorAvailability } from '@shared/iterator/iterator-model'
import { classifyProbe, probeQueryFor, type ScopeProbeResult } from '@shared/iterator/scope-plan'
import type { HttpEngine } from '../http/engine-contract'
import type { RequestRunner } from '../request-runner'
import type { EnvironmentRepository } from '../environments'
import { secretKey, type Vault } from '../vault/vault'
import { headerValue, serverMessage } from './page-fetch'

export interface ScopeProbeDeps {
  requests: RequestRunner
  engine: HttpEngine
  environments: EnvironmentRepository
  vault: Vault
}

/** Probes in flight at once: the tenant rate-limits per endpoint, and each probe is a different endpoint. */
const CONCURRENCY = 4

async function probeOne(deps: ScopeProbeDeps, environmentId: string, path: string, runId: string, nowSeconds: number): Promise<ScopeProbeResult> {
  const spec: RequestSpec = {
    method: 'GET',
    url: path,
    query: probeQueryFor(path, nowSeconds).map(([name, value]) => ({ name, value, enabled: true })),
    headers: [{ name: 'Accept', value: 'application/json', enabled: true }],
    body: { kind: 'none' }
  }
  let result: SendResult
  try {
    result = await deps.requests.send(runId, spec, environmentId, () => undefined, { history: false })
  } catch (error) {
    const message = error instanceof AppError ? error.message : 'the request failed'
    return { path, status: 'unknown', httpStatus: null, reason: `no answer (${message})` }
  }
  try {
    return classifyProbe(path, result.status, result.status >= 300 && !result.preview.binary ? serverMessage(result.preview.text) : '', headerValue(result, 'retry-after'))
  } finally {
    await deps.engine.release(result.responseId)
  }
}

/** Probes every path (GET only) and answers in the same order. */
export async function probeScopes(deps: ScopeProbeDeps, environmentId: string, paths: readonly string[], now: () => number = Date.now): Promise<ScopeProbeResult[]> {
  const environment = deps.environments.get(environmentId)
  const availability = iteratorAvailability(environment, deps.vault.has(secretKey(environment.id, 'v2Token')))
  if (!availability.available) throw new AppError('INVALID_INPUT', availability.reason)
  const nowSeconds = Math.floor(now() / 1000)
  const batch = `scope-probe-${now()}-${Math.random().toString(36).slice(2, 8)}`
  const results: ScopeProbeResult[] = new Array<ScopeProbeResult>(paths.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const i = next++
      results[i] = await probeOne(deps, environment.id, paths[i] as string, `${batch}#${i}`, nowSeconds)
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker))
  return results
}
