import type { AppErrorShape } from '@shared/model/errors'
import type { SendResult } from '@shared/model/response'

/** A history entry's stored outcome, to be shown in the response viewer in place of the last send's. */
export type OpenedResponse = { result: SendResult; error: null } | { result: null; error: AppErrorShape }

type Listener = (opened: OpenedResponse) => void
const listeners = new Set<Listener>()

/**
 * History (features/history) hands the stored response of the entry it opened to whoever shows responses
 * (useSendRequest today), without either importing the other.
 */
export function showOpenedResponse(opened: OpenedResponse): void {
  for (const listener of listeners) listener(opened)
}

export function onOpenedResponse(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
