import { useCallback, useEffect, useState } from 'react'
import type { CommandOutput } from '@shared/ipc/contract'
import { call, toErrorShape } from '../../../api/client'

export type SecretVariableStatus = CommandOutput<'environment:secret-variables'>

export interface SecretVariables {
  status: SecretVariableStatus | null
  isSet(name: string): boolean
  error: string | null
  refresh(): void
}

/** Which secret variables of an environment have a value in main's vault (set / not set; values never come here). */
export function useSecretVariables(environmentId: string): SecretVariables {
  const [status, setStatus] = useState<SecretVariableStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const refresh = useCallback(() => {
    call('environment:secret-variables', { environmentId })
      .then((next) => {
        setStatus(next)
        setError(null)
      })
      .catch((failure: unknown) => setError(toErrorShape(failure).message))
  }, [environmentId])
  useEffect(refresh, [refresh])
  const isSet = useCallback((name: string) => status?.variables.some((row) => row.name === name && row.set) ?? false, [status])
  return { status, isSet, error, refresh }
}
