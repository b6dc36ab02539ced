import type { AppErrorShape } from '@shared/model/errors'
import type { SendResult } from '@shared/model/response'

/** A history entry's stored outcome, to be shown in the response viewer in place of the last send's. */
export type OpenedResponse = { result: SendResult; error: null } | { result: null; error: AppErrorShape }

type Listener = (opened: OpenedResponse) => void
const pending = new Map<string, OpenedResponse>()
const listeners = new Map<string, Listener>()

/**
 * History (features/history) hands the stored response of the entry it opened to the tab that shows it, without
 * either importing the other. The tab may not be mounted yet (it was just opened): the response waits for it.
 */
export function showOpenedResponse(tabId: string, opened: OpenedResponse): void {
  const listener = listeners.get(tabId)
  if (listener) listener(opened)
  else pending.set(tabId, opened)
}

/** The tab's listener; a response that arrived before it is delivered at once. */
export function onOpenedResponse(tabId: string, listener: Listener): () => void {
  listeners.set(tabId, listener)
  const waiting = pending.get(tabId)
  if (waiting) {
    pending.delete(tabId)
    listener(waiting)
  }
  return () => {
    if (listeners.get(tabId) === listener) listeners.delete(tabId)
  }
}
