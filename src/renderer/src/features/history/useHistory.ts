import { useCallback, useEffect, useState } from 'react'
import type { HistorySummary } from '@shared/collections/history-entry'
import type { RequestSpec } from '@shared/model/request'
import { call, toErrorShape } from '../../api/client'

export interface History {
  text: string
  setText(text: string): void
  items: HistorySummary[]
  total: number
  error: string | null
  reload(): void
  get(id: string): Promise<{ spec: RequestSpec; environmentId: string | null } | null>
  clear(): void
}

/** History search; reloads when the text changes or `refreshKey` (the last send) changes. */
export function useHistory(refreshKey: unknown): History {
  const [text, setText] = useState('')
  const [page, setPage] = useState<{ items: HistorySummary[]; total: number }>({ items: [], total: 0 })
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    let live = true
    call('history:search', { text, limit: 200 })
      .then((value) => {
        if (!live) return
        setPage(value)
        setError(null)
      })
      .catch((failure: unknown) => live && setError(toErrorShape(failure).message))
    return () => {
      live = false
    }
  }, [text, refreshKey, tick])

  const reload = useCallback(() => setTick((n) => n + 1), [])
  const get = useCallback(async (id: string) => {
    try {
      const entry = await call('history:get', { id })
      return { spec: entry.request, environmentId: entry.environmentId }
    } catch (failure) {
      setError(toErrorShape(failure).message)
      return null
    }
  }, [])
  const clear = useCallback(() => {
    call('history:clear', {})
      .then(reload)
      .catch((failure: unknown) => setError(toErrorShape(failure).message))
  }, [reload])
  return { text, setText, items: page.items, total: page.total, error, reload, get, clear }
}
