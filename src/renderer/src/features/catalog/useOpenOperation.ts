import { useCallback, useRef, useState } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import type { RequestDraft } from '../request-editor/request-draft'
import { draftForOperation } from './operation-form'

export interface OpenOperation {
  operation: CatalogOperation | null
  open(op: CatalogOperation): void
  close(): void
}

/** Which catalog operation the editor is filled from; opening one rewrites method, URL, parameters and body. */
export function useOpenOperation(update: (patch: Partial<RequestDraft>) => void): OpenOperation {
  const [operation, setOperation] = useState<CatalogOperation | null>(null)
  const openId = useRef<string | null>(null)
  const open = useCallback(
    (op: CatalogOperation) => {
      // Opening the operation already open keeps what the user has typed into it.
      if (openId.current === op.id) return
      openId.current = op.id
      setOperation(op)
      update(draftForOperation(op))
    },
    [update]
  )
  const close = useCallback(() => {
    openId.current = null
    setOperation(null)
  }, [])
  return { operation, open, close }
}
