import { useCallback, useRef, useState } from 'react'
import { initialDraft, type RequestDraft } from './request-draft'
import { applyDraftPatch } from './query-sync'

export interface DraftState {
  draft: RequestDraft
  /** Applies a change; the URL's query string and the Params rows follow each other (query-sync.ts). */
  update(patch: Partial<RequestDraft>): void
  /**
   * The latest draft, including edits React has not rendered yet: a paste into Monaco immediately followed by
   * Ctrl+Enter must send the pasted text, not the text of the previous render.
   */
  current(): RequestDraft
}

/** `initial`: the draft a tab opens with (a saved or restored request); read once, at mount. */
export function useRequestDraft(initial?: () => RequestDraft): DraftState {
  const [draft, setDraft] = useState<RequestDraft>(initial ?? initialDraft)
  const latest = useRef(draft)
  const update = useCallback((patch: Partial<RequestDraft>) => {
    latest.current = applyDraftPatch(latest.current, patch)
    setDraft(latest.current)
  }, [])
  const current = useCallback(() => latest.current, [])
  return { draft, update, current }
}
