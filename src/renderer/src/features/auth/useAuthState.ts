import { useCallback, useEffect, useState } from 'react'
import type { CommandOutput } from '@shared/ipc/contract'
import { call, toErrorShape } from '../../api/client'

export type AuthStatus = CommandOutput<'auth:status'>
export type VaultStatus = CommandOutput<'vault:status'>

export interface AuthState {
  status: AuthStatus | null
  vault: VaultStatus | null
  error: string | null
  refresh(): void
}

interface Loaded {
  environmentId: string
  status: AuthStatus | null
  vault: VaultStatus | null
  error: string | null
}

/** The selected environment's auth state and which secrets are set (never their values), reloaded on demand. */
export function useAuthState(environmentId: string | null): AuthState {
  const [loaded, setLoaded] = useState<Loaded | null>(null)

  const refresh = useCallback(() => {
    if (environmentId === null) return
    Promise.all([call('auth:status', { environmentId }), call('vault:status', { environmentId })])
      .then(([status, vault]) => setLoaded({ environmentId, status, vault, error: null }))
      .catch((failure: unknown) => setLoaded({ environmentId, status: null, vault: null, error: toErrorShape(failure).message }))
  }, [environmentId])

  useEffect(refresh, [refresh])
  // State loaded for another environment is never shown for this one.
  const current = loaded !== null && loaded.environmentId === environmentId ? loaded : null
  return { status: current?.status ?? null, vault: current?.vault ?? null, error: current?.error ?? null, refresh }
}
