import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { isCommandName, isEventName, type ExplorerApi } from '@shared/ipc/contract'

/**
 * Exposes exactly the contract: `call` for its commands and `on` for its events. Any other channel is refused
 * here, and main checks the sender and payload again, so a compromised page cannot reach arbitrary IPC.
 */
/** The page may pass anything at run time, whatever the types say. */
function describeName(name: unknown): string {
  return typeof name === 'string' ? name.slice(0, 60) : typeof name
}

const api: ExplorerApi = {
  call(command, input) {
    // Not String(command): it throws for a null-prototype object instead of rejecting.
    if (!isCommandName(command)) return Promise.reject(new Error(`Unknown command: ${describeName(command)}`))
    return ipcRenderer.invoke(command, input)
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${describeName(event)}`)
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload as Parameters<typeof listener>[0])
    ipcRenderer.on(event, wrapped)
    return () => void ipcRenderer.removeListener(event, wrapped)
  }
}

contextBridge.exposeInMainWorld('api', Object.freeze(api))
