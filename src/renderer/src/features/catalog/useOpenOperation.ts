import { useCallback, useRef, useState } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import type { RequestDraft } from '../request-editor/request-draft'
import { draftForOperation } from './operation-form'

export interface OpenOperation {
  operation: CatalogOperation | null
  open(op: CatalogOperation): void
  /** Shows the operation's form over the draft as it is (a tab restored after a restart), with its checks. */
  attach(op: CatalogOperation): void
  close(): void
}

/** Which catalog operation the editor is filled from; opening one replaces the whole draft (operation-form.ts). */
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
  const attach = useCallback(
    (op: CatalogOperation) => {
      if (openId.current === op.id) return
      openId.current = op.id
      setOperation(op)
      update({ operation: draftForOperation(op).operation })
    },
    [update]
  )
  // Closing the form leaves the request as it is, but no longer checked against the operation's parameter rules
  // (the user may now type any URL); a literal {name} is still refused (request-editor/param-rules.ts).
  const close = useCallback(() => {
    openId.current = null
    setOperation(null)
    update({ operation: null })
  }, [update])
  return { operation, open, attach, close }
}
