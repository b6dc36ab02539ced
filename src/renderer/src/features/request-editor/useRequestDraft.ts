import { useCallback, useRef, useState } from 'react'
import { initialDraft, type RequestDraft } from './request-draft'

export interface DraftState {
  draft: RequestDraft
  update(patch: Partial<RequestDraft>): void
  /**
   * The latest draft, including edits React has not rendered yet: a paste into Monaco immediately followed by
   * Ctrl+Enter must send the pasted text, not the text of the previous render.
   */
  current(): RequestDraft
}

export function useRequestDraft(): DraftState {
  const [draft, setDraft] = useState<RequestDraft>(initialDraft)
  const latest = useRef(draft)
  const update = useCallback((patch: Partial<RequestDraft>) => {
    latest.current = { ...latest.current, ...patch }
    setDraft(latest.current)
  }, [])
  const current = useCallback(() => latest.current, [])
  return { draft, update, current }
}
