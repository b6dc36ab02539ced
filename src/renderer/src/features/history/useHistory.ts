import { useCallback, useEffect, useState } from 'react'
import type { HistoryEntry, HistorySummary } from '@shared/collections/history-entry'
import type { AppErrorShape } from '@shared/model/errors'
import type { RequestSpec } from '@shared/model/request'
import type { SendResult } from '@shared/model/response'
import { call, on, toErrorShape } from '../../api/client'

/** Status filter of the history list; '' is every status. */
export type StatusFilter = '' | '2xx' | '3xx' | '4xx' | '5xx' | 'error'

export interface OpenedEntry {
  spec: RequestSpec
  environmentId: string | null
  result: SendResult | null
  error: AppErrorShape | null
}

export interface History {
  text: string
  setText(text: string): void
  status: StatusFilter
  setStatus(status: StatusFilter): void
  method: string
  setMethod(method: string): void
  items: HistorySummary[]
  total: number
  error: string | null
  /** What the last export did ("Exported 3 entries to …"), or null. */
  note: string | null
  reload(): void
  get(id: string): Promise<{ spec: RequestSpec; environmentId: string | null } | null>
  /** The entry with its stored response (kept in main for the response viewer; release it like a send's). */
  open(id: string): Promise<OpenedEntry | null>
  /** The full entry (an iterator run's pages). */
  entry(id: string): Promise<HistoryEntry | null>
  selected: ReadonlySet<string>
  toggle(id: string): void
  /** Selects every listed entry, or none when all are selected. */
  toggleAll(): void
  exportHar(): void
  clear(): void
}

/** History search and selection; reloads when the filters change or `refreshKey` (the last send) changes. */
export function useHistory(refreshKey: unknown): History {
  const [text, setText] = useState('')
  const [status, setStatus] = useState<StatusFilter>('')
  const [method, setMethod] = useState('')
  const [page, setPage] = useState<{ items: HistorySummary[]; total: number }>({ items: [], total: 0 })
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [tick, setTick] = useState(0)

  useEffect(() => {
    let live = true
    call('history:search', { text, limit: 200, ...(status ? { status } : {}), ...(method ? { method } : {}) })
      .then((value) => {
        if (!live) return
        setPage(value)
        setError(null)
        // A selection only holds entries still listed.
        setSelected((current) => {
          const listed = new Set(value.items.map((item) => item.id))
          const kept = [...current].filter((id) => listed.has(id))
          return kept.length === current.size ? current : new Set(kept)
        })
      })
      .catch((failure: unknown) => live && setError(toErrorShape(failure).message))
    return () => {
      live = false
    }
  }, [text, status, method, refreshKey, tick])

  const reload = useCallback(() => setTick((n) => n + 1), [])
  // A finished iterator run is a new entry (main records it before it reports the run done).
  useEffect(() => on('iterator:progress', (progress) => {
    if (progress.phase === 'done') reload()
  }), [reload])
  const fail = useCallback((failure: unknown) => {
    setError(toErrorShape(failure).message)
    return null
  }, [])
  const get = useCallback(async (id: string) => {
    try {
      const entry = await call('history:get', { id })
      return { spec: entry.request, environmentId: entry.environmentId }
    } catch (failure) {
      return fail(failure)
    }
  }, [fail])
  const open = useCallback(async (id: string): Promise<OpenedEntry | null> => {
    try {
      const { entry, result } = await call('history:open', { id })
      const stored: AppErrorShape | null = entry.error ? { code: entry.error.code, message: entry.error.message } : null
      return { spec: entry.request, environmentId: entry.environmentId, result, error: result ? null : (stored ?? { code: 'NOT_FOUND', message: 'No response was stored for this entry.' }) }
    } catch (failure) {
      return fail(failure)
    }
  }, [fail])
  const entry = useCallback((id: string) => call('history:get', { id }).catch(fail), [fail])
  const toggle = useCallback((id: string) => {
    setSelected((current) => {
      const next = new Set(current)
      if (!next.delete(id)) next.add(id)
      return next
    })
  }, [])
  const toggleAll = useCallback(() => {
    setSelected((current) => (page.items.length > 0 && page.items.every((item) => current.has(item.id)) ? new Set() : new Set(page.items.map((item) => item.id))))
  }, [page.items])
  const exportHar = useCallback(() => {
    const ids = page.items.filter((item) => selected.has(item.id)).map((item) => item.id)
    if (ids.length === 0) return
    setNote(null)
    call('history:export-har', { ids })
      .then((written) => {
        if (written.path === null) return
        const count = `${written.entries} ${written.entries === 1 ? 'entry' : 'entries'}`
        setNote([`Exported ${count} to ${written.path}.`, ...written.warnings].join(' '))
        setError(null)
      })
      .catch(fail)
  }, [page.items, selected, fail])
  const clear = useCallback(() => {
    call('history:clear', {})
      .then(reload)
      .catch(fail)
  }, [reload, fail])
  return {
    text, setText, status, setStatus, method, setMethod, items: page.items, total: page.total, error, note, reload, get, open, entry,
    selected, toggle, toggleAll, exportHar, clear
  }
}
