import { useCallback, useState } from 'react'
import { needsProductionConfirmation, type Environment } from '@shared/model/environment'
import type { RequestSpec } from '@shared/model/request'

export interface PendingProductionSend {
  spec: RequestSpec
  environment: Environment
}

export interface ProductionGuard {
  /** Sends at once, or (a non-GET/HEAD to a production environment) waits for confirm(). */
  send(spec: RequestSpec, environmentId: string | null): void
  pending: PendingProductionSend | null
  confirm(): void
  cancel(): void
}

/** Wraps a send so a request that can change a production tenant is only sent after the user said yes. */
export function useProductionGuard(send: (spec: RequestSpec, environmentId: string | null) => void, environments: readonly Environment[]): ProductionGuard {
  const [pending, setPending] = useState<PendingProductionSend | null>(null)

  const guarded = useCallback(
    (spec: RequestSpec, environmentId: string | null) => {
      const environment = environments.find((candidate) => candidate.id === environmentId) ?? null
      if (environment && needsProductionConfirmation(environment, spec.method)) setPending({ spec, environment })
      else send(spec, environmentId)
    },
    [environments, send]
  )
  const confirm = useCallback(() => {
    if (!pending) return
    setPending(null)
    send(pending.spec, pending.environment.id)
  }, [pending, send])
  const cancel = useCallback(() => setPending(null), [])

  return { send: guarded, pending, confirm, cancel }
}
