import { useCallback, useEffect, useState } from 'react'
import type { CommandOutput } from '@shared/ipc/contract'
import type { RequestSpec } from '@shared/model/request'
import { call, toErrorShape } from '../../api/client'

export type OpenCollection = CommandOutput<'collection:list'>[number]

/** The saved request the editor was filled from, so Save overwrites it instead of creating a copy. */
export interface CurrentSaved {
  folder: string
  path: string
  id: string
  name: string
}

export interface SaveDraft {
  spec: RequestSpec
  environmentId: string | null
  operationId: string | null
}

export interface Collections {
  list: OpenCollection[]
  current: CurrentSaved | null
  /** Last outcome in words (saved, warnings, errors); shown in the sidebar. */
  message: { kind: 'info' | 'error'; text: string } | null
  busy: boolean
  refresh(): Promise<void>
  open(): void
  create(name: string): void
  close(folder: string): void
  /** Reads a saved request; it becomes the one Ctrl+S overwrites. */
  openRequest(folder: string, path: string): Promise<{ spec: RequestSpec; saved: CurrentSaved } | null>
  /** Overwrites the current saved request; or, with `target`, saves a new one there. What was saved, or null. */
  save(draft: SaveDraft, target?: { folder: string; name: string }): Promise<CurrentSaved | null>
  /** The saved request Ctrl+S overwrites follows the active tab (null: the tab is not a saved request). */
  follow(saved: CurrentSaved | null): void
  rename(folder: string, path: string, name: string): void
  duplicate(folder: string, path: string): void
  remove(folder: string, path: string): void
  forget(): void
  importPostman(): void
  createFolder(folder: string, parent: string, name: string): void
  renameFolder(folder: string, path: string, name: string): void
  deleteFolder(folder: string, path: string): void
  move(folder: string, path: string, toFolder: string): void
  exportPostman(folder: string): void
  exportHar(folder: string, path: string, environmentId: string | null): void
}

function exported(value: { path: string | null; replacedSecrets: number; warnings: string[] }): string | null {
  if (value.path === null) return null
  const note = value.replacedSecrets > 0 ? ` ${value.replacedSecrets} credential(s) were written as {{secret.…}} placeholders.` : ''
  return [`Exported to ${value.path}.${note}`, ...value.warnings].join(' ')
}

export function useCollections(): Collections {
  const [list, setList] = useState<OpenCollection[]>([])
  const [current, setCurrent] = useState<CurrentSaved | null>(null)
  const [message, setMessage] = useState<Collections['message']>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(async () => {
    try {
      setList(await call('collection:list', {}))
    } catch (error) {
      setMessage({ kind: 'error', text: toErrorShape(error).message })
    }
  }, [])

  useEffect(() => {
    let live = true
    call('collection:list', {})
      .then((value) => live && setList(value))
      .catch((error: unknown) => live && setMessage({ kind: 'error', text: toErrorShape(error).message }))
    return () => {
      live = false
    }
  }, [])

  /** Runs a command, reports its error in the sidebar, and reloads the list. */
  const run = useCallback(
    async <T,>(task: () => Promise<T>, done?: (value: T) => string | null): Promise<T | null> => {
      setBusy(true)
      try {
        const value = await task()
        setMessage(done ? ((text) => (text ? { kind: 'info' as const, text } : null))(done(value)) : null)
        await refresh()
        return value
      } catch (error) {
        setMessage({ kind: 'error', text: toErrorShape(error).message })
        return null
      } finally {
        setBusy(false)
      }
    },
    [refresh]
  )

  const warn = (warnings: string[]): string | null => (warnings.length > 0 ? warnings.join(' ') : null)

  return {
    list,
    current,
    message,
    busy,
    refresh,
    open: () => void run(() => call('collection:open', {})),
    create: (name) => void run(() => call('collection:create', { name })),
    close: (folder) => {
      if (current?.folder === folder) setCurrent(null)
      void run(() => call('collection:close', { folder }))
    },
    async openRequest(folder, path) {
      const saved = await run(() => call('collection:read-request', { folder, path }))
      if (!saved) return null
      const current = { folder, path, id: saved.id, name: saved.name }
      setCurrent(current)
      return { spec: saved.request, saved: current }
    },
    async save(draft, target) {
      const base = { request: draft.spec, environmentId: draft.environmentId, operationId: draft.operationId }
      const input = target
        ? { folder: target.folder, request: { ...base, name: target.name } }
        : current
          ? { folder: current.folder, path: current.path, request: { ...base, id: current.id, name: current.name } }
          : null
      if (!input) return null
      const result = await run(
        () => call('collection:save-request', input),
        (value) => {
          const replaced = value.replacedSecrets.map((hit) => hit.name).join(', ')
          const note = replaced ? ` Credentials (${replaced}) were replaced by {{secret.…}} placeholders.` : ''
          return `Saved "${value.saved.name}".${note}${value.warnings.length ? ' ' + value.warnings.join(' ') : ''}`
        }
      )
      if (!result) return null
      const saved = { folder: input.folder, path: result.path, id: result.saved.id, name: result.saved.name }
      setCurrent(saved)
      return saved
    },
    rename: (folder, path, name) =>
      void run(
        () => call('collection:rename-request', { folder, path, name }),
        (value) => {
          if (current?.folder === folder && current.path === path) setCurrent({ ...current, path: value.path, name })
          return warn(value.warnings)
        }
      ),
    duplicate: (folder, path) => void run(() => call('collection:duplicate-request', { folder, path }), (value) => warn(value.warnings)),
    remove: (folder, path) =>
      void run(
        () => call('collection:delete-request', { folder, path }),
        (value) => {
          if (current?.folder === folder && current.path === path) setCurrent(null)
          return warn(value.warnings)
        }
      ),
    forget: () => setCurrent(null),
    follow: setCurrent,
    importPostman: () =>
      void run(
        () => call('collection:import-postman', {}),
        (value) => {
          if (!value) return null
          const dropped = value.droppedSecrets.length
          const parts = [`Imported ${value.requestCount} request${value.requestCount === 1 ? '' : 's'} into "${value.tree.name}".`]
          if (dropped > 0) parts.push(`${dropped} secret value${dropped === 1 ? ' was' : 's were'} not copied; set them in the environment's auth.`)
          return [...parts, ...value.warnings].join(' ')
        }
      ),
    createFolder: (folder, parent, name) => void run(() => call('collection:create-folder', { folder, parent, name }), (value) => warn(value.warnings)),
    renameFolder: (folder, path, name) => {
      if (current?.folder === folder && current.path.startsWith(`${path}/`)) setCurrent(null)
      void run(() => call('collection:rename-folder', { folder, path, name }), (value) => warn(value.warnings))
    },
    deleteFolder: (folder, path) => {
      if (current?.folder === folder && current.path.startsWith(`${path}/`)) setCurrent(null)
      void run(() => call('collection:delete-folder', { folder, path }), (value) => warn(value.warnings))
    },
    move: (folder, path, toFolder) =>
      void run(
        () => call('collection:move-request', { folder, path, toFolder }),
        (value) => {
          if (current?.folder === folder && current.path === path) setCurrent({ ...current, path: value.path })
          return warn(value.warnings)
        }
      ),
    exportPostman: (folder) => void run(() => call('collection:export-postman', { folder }), exported),
    exportHar: (folder, path, environmentId) => void run(() => call('collection:export-har', { folder, path, environmentId }), exported)
  }
}
