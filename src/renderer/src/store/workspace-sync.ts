import type { Workspace } from '@shared/model/workspace'
import { toWorkspace, type TabsStore } from './tabs-store'

export interface WorkspaceSync {
  /** Writes a pending change now (before a reload or quit). */
  flush(): Promise<void>
  stop(): void
}

/**
 * Restores the saved workspace into the store, then saves it `delayMs` after each change (a burst of typing is one
 * write). `load` and `save` are workspace:get and workspace:save (src/renderer/src/api/client.ts); a failed save is
 * reported through `onError` and retried with the next change.
 */
export async function startWorkspaceSync(
  store: TabsStore,
  io: { load(): Promise<Workspace>; save(workspace: Workspace): Promise<unknown>; onError(message: string): void },
  delayMs = 400
): Promise<WorkspaceSync> {
  try {
    store.getState().hydrate(await io.load())
  } catch (error) {
    io.onError(`The open tabs could not be restored: ${error instanceof Error ? error.message : String(error)}`)
    store.getState().hydrate({ tabs: [], activeTabId: null, layout: {} })
  }
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = JSON.stringify(toWorkspace(store.getState()))
  const write = async (): Promise<void> => {
    timer = null
    const workspace = toWorkspace(store.getState())
    const text = JSON.stringify(workspace)
    if (text === last) return
    last = text
    try {
      await io.save(workspace)
    } catch (error) {
      last = ''
      io.onError(`The open tabs could not be saved: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const unsubscribe = store.subscribe(() => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(() => void write(), delayMs)
  })
  return {
    async flush() {
      if (timer !== null) clearTimeout(timer)
      await write()
    },
    stop() {
      if (timer !== null) clearTimeout(timer)
      unsubscribe()
    }
  }
}
