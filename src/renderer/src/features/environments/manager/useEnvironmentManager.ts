import { useCallback, useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../../api/client'
import type { Environments } from '../useEnvironments'

export type Asking =
  | { kind: 'delete'; environment: Environment }
  | { kind: 'duplicate'; environment: Environment; storedSecrets: number }
  | { kind: 'imported-secrets'; environment: Environment; names: string[]; secretsId: string }
  | null

export interface EnvironmentManagerState {
  openId: string | null
  open(id: string): void
  asking: Asking
  message: { error: boolean; text: string } | null
  create(): void
  /** Only the given fields change, on main's current copy (see environment:update). */
  save(environment: Environment, change: Partial<Pick<Environment, 'name' | 'color' | 'production'>>): void
  askDuplicate(environment: Environment): void
  duplicate(copySecrets: boolean): void
  askDelete(environment: Environment): void
  remove(): void
  importPostman(): void
  /** Answer to "store the imported secret values?": true stores them in the vault, false forgets them. */
  storeImported(store: boolean): void
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
    (environment: Environment, change: Partial<Pick<Environment, 'name' | 'color' | 'production'>>) =>
      run(async () => {
        await call('environment:update', { id: environment.id, ...change })
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

  const importPostman = useCallback(
    () =>
      run(async () => {
        const result = await call('environment:import-postman', {})
        if (result === null) return null
        setOpenId(result.environment.id)
        if (result.secretsId !== null) setAsking({ kind: 'imported-secrets', environment: result.environment, names: result.secretNames, secretsId: result.secretsId })
        return [`Imported “${result.environment.name}” with ${result.environment.variables.length} variable(s).`, ...result.warnings].join(' ')
      }),
    [run]
  )

  const storeImported = useCallback(
    (store: boolean) => {
      if (asking?.kind !== 'imported-secrets') return
      const { secretsId, names } = asking
      setAsking(null)
      run(async () => {
        if (store) {
          const { stored } = await call('environment:store-imported-secrets', { secretsId })
          return `${stored.length} secret value(s) stored in the vault: ${stored.join(', ')}.`
        }
        await call('environment:discard-imported-secrets', { secretsId })
        return `Skipped ${names.length} secret value(s) (${names.join(', ')}): set them in Variables when you need them.`
      })
    },
    [asking, run]
  )

  const cancel = useCallback(() => {
    // Cancelling the question about imported secrets is a "no": their values are forgotten in main.
    if (asking?.kind === 'imported-secrets') storeImported(false)
    else setAsking(null)
  }, [asking, storeImported])

  return { openId, open, asking, message, create, save, askDuplicate, duplicate, askDelete, remove, importPostman, storeImported, cancel }
}
