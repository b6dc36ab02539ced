import { useCallback, useState } from 'react'
import { initialDraft, type RequestDraft } from './request-draft'

export function useRequestDraft(): { draft: RequestDraft; update(patch: Partial<RequestDraft>): void } {
  const [draft, setDraft] = useState<RequestDraft>(initialDraft)
  const update = useCallback((patch: Partial<RequestDraft>) => setDraft((current) => ({ ...current, ...patch })), [])
  return { draft, update }
}
