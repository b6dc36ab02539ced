import { useCallback, useEffect, useRef, useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../api/client'

export interface Environments {
  list: Environment[]
  selected: Environment | null
  selectedId: string | null
  select(id: string | null): void
  reload(): void
  error: string | null
}

/** The environments from main, and which one the next send uses. */
export function useEnvironments(): Environments {
  const [list, setList] = useState<Environment[]>([])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const firstLoad = useRef(true)

  const reload = useCallback(() => {
    call('environment:list', {})
      .then((environments) => {
        setList(environments)
        setError(null)
        if (firstLoad.current) {
          // The app opens on the built-in sandbox, so a first send works without any account.
          firstLoad.current = false
          setSelectedId((id) => id ?? environments.find((environment) => environment.sandbox)?.id ?? null)
          return
        }
        // A selection that no longer exists (deleted elsewhere) falls back to "no environment".
        setSelectedId((id) => (id !== null && environments.some((environment) => environment.id === id) ? id : null))
      })
      .catch((failure: unknown) => setError(toErrorShape(failure).message))
  }, [])

  useEffect(reload, [reload])

  const selected = list.find((environment) => environment.id === selectedId) ?? null
  return { list, selected, selectedId: selected?.id ?? null, select: setSelectedId, reload, error }
}
