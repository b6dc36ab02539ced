import { useCallback, useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../../api/client'
import type { Environments } from '../useEnvironments'

export type Asking = { kind: 'delete'; environment: Environment } | { kind: 'duplicate'; environment: Environment; storedSecrets: number } | null

export interface EnvironmentManagerState {
  openId: string | null
  open(id: string): void
  asking: Asking
  message: { error: boolean; text: string } | null
  create(): void
  save(environment: Environment, change: Partial<Environment>): void
  askDuplicate(environment: Environment): void
  duplicate(copySecrets: boolean): void
  askDelete(environment: Environment): void
  remove(): void
  cancel(): void
}

/** What the manager dialog does; each change is saved by main, then the shared list is reloaded. */
export function useEnvironmentManager(environments: Environments): EnvironmentManagerState {
  const [openId, setOpenId] = useState<string | null>(environments.selectedId ?? environments.list[0]?.id ?? null)
  const [asking, setAsking] = useState<Asking>(null)
  const [message, setMessage] = useState<EnvironmentManagerState['message']>(null)
  const { reload, select, selectedId } = environments

  const run = useCallback(
    (action: () => Promise<string | null>) => {
      setMessage(null)
      action()
        .then((text) => setMessage(text === null ? null : { error: false, text }))
        .catch((failure: unknown) => setMessage({ error: true, text: toErrorShape(failure).message }))
        .finally(reload)
    },
    [reload]
  )

  const open = useCallback((id: string) => {
    setOpenId(id)
    setAsking(null)
    setMessage(null)
  }, [])

  const create = useCallback(
    () =>
      run(async () => {
        const created = await call('environment:create', { name: 'New environment' })
        setOpenId(created.id)
        return null
      }),
    [run]
  )

  const save = useCallback(
    (environment: Environment, change: Partial<Environment>) =>
      run(async () => {
        await call('environment:save', { ...environment, ...change })
        return null
      }),
    [run]
  )

  const askDuplicate = useCallback(
    (environment: Environment) =>
      run(async () => {
        const { storedSecrets } = await call('environment:secret-variables', { environmentId: environment.id })
        setAsking({ kind: 'duplicate', environment, storedSecrets })
        return null
      }),
    [run]
  )

  const duplicate = useCallback(
    (copySecrets: boolean) => {
      if (asking?.kind !== 'duplicate') return
      setAsking(null)
      run(async () => {
        const result = await call('environment:duplicate', { id: asking.environment.id, copySecrets })
        setOpenId(result.environment.id)
        if (result.skippedSecrets > 0) return `Duplicated as “${result.environment.name}”. ${result.skippedSecrets} stored secret(s) were not copied: enter them in the copy.`
        return `Duplicated as “${result.environment.name}”${result.copiedSecrets > 0 ? ` with ${result.copiedSecrets} secret(s) copied` : ''}.`
      })
    },
    [asking, run]
  )

  const askDelete = useCallback((environment: Environment) => setAsking({ kind: 'delete', environment }), [])

  const remove = useCallback(() => {
    if (asking?.kind !== 'delete') return
    const { environment } = asking
    setAsking(null)
    run(async () => {
      await call('environment:delete', { id: environment.id })
      setOpenId(environments.list.find((other) => other.id !== environment.id)?.id ?? null)
      if (selectedId === environment.id) select(null)
      return `Deleted “${environment.name}” and its stored secrets.`
    })
  }, [asking, environments.list, run, select, selectedId])

  const cancel = useCallback(() => setAsking(null), [])

  return { openId, open, asking, message, create, save, askDuplicate, duplicate, askDelete, remove, cancel }
}
