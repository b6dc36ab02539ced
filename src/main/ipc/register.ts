import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { commandNames, type EventName, type EventPayload } from '@shared/ipc/contract'
import { checkEvent, dispatch, type Handlers } from './dispatch'
import { isTrustedRendererUrl } from '../window'

/**
 * The only ipcMain user. Every contract command gets one `handle` registration that checks the sender frame
 * (our own top-level page, nothing else), validates the payload and answers with the result envelope.
 */
export function registerIpc(handlers: Handlers, getWindowContents: () => WebContents | null): () => void {
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    const contents = getWindowContents()
    if (contents && !contents.isDestroyed()) contents.send(event, checkEvent(event, payload))
  }
  // The contract is the whole IPC surface: a listener a library added for renderers that use it directly
  // (electron-store's 'electron-store-get-data') is removed; ours never do.
  for (const channel of ipcMain.eventNames()) ipcMain.removeAllListeners(String(channel))
  for (const command of commandNames) {
    ipcMain.handle(command, (event: IpcMainInvokeEvent, payload: unknown) => {
      if (!isTrustedSender(event, getWindowContents())) {
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'This frame may not call the app API.' } }
      }
      return dispatch(handlers, command, payload, emit)
    })
  }
  return () => commandNames.forEach((command) => ipcMain.removeHandler(command))
}

function isTrustedSender(event: IpcMainInvokeEvent, expected: WebContents | null): boolean {
  const frame = event.senderFrame
  return (
    expected !== null &&
    event.sender.id === expected.id &&
    frame !== null &&
    frame.parent === null &&
    isTrustedRendererUrl(frame.url)
  )
}
