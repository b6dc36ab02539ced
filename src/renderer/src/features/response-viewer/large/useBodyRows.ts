import { useEffect, useRef, useState } from 'react'
import type { BodyRow, BodyRows, BodyViewMode } from '@shared/model/body-view'
import { call, toErrorShape } from '../../../api/client'

/** Rows fetched around the visible ones, so small scrolls need no round trip. Bounds what the renderer holds. */
const MARGIN_ROWS = 150
/** While main is still indexing, the row count is refreshed this often. */
const POLL_MS = 250

export interface BodyRowsState {
  mode: BodyViewMode
  totalRows: number
  done: boolean
  indexedBytes: number
  totalBytes: number
  error: string | null
  rowAt(row: number): BodyRow | undefined
}

interface Window {
  firstRow: number
  rows: BodyRow[]
  meta: Omit<BodyRows, 'rows' | 'firstRow'>
}

/**
 * The rows of a large body around `first` .. `first + visible`, fetched from main as the user scrolls. Only one
 * window of a few hundred rows is ever held; anything else is asked for again when scrolled back to.
 */
export function useBodyRows(responseId: string, mode: BodyViewMode, first: number, visible: number): BodyRowsState {
  const [win, setWin] = useState<Window | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  const asked = useRef(0)

  const covered =
    win !== null &&
    win.meta.mode === mode &&
    first >= win.firstRow &&
    Math.min(first + visible, win.meta.totalRows) <= win.firstRow + win.rows.length
  const needed = !covered || !win.meta.done

  useEffect(() => {
    if (!needed) return
    const request = ++asked.current
    const fromRow = Math.max(0, first - MARGIN_ROWS)
    const load = (): void => {
      call('response:view-rows', { responseId, mode, fromRow, count: Math.min(1000, visible + 2 * MARGIN_ROWS) })
        .then(({ rows, firstRow, ...meta }) => {
          if (request !== asked.current) return
          setWin({ firstRow, rows, meta })
          setError(null)
          // Still indexing: ask again shortly for the grown row count (and rows that were not there yet).
          if (!meta.done) timer = setTimeout(() => setTick((value) => value + 1), POLL_MS)
        })
        .catch((failure: unknown) => {
          if (request === asked.current) setError(toErrorShape(failure).message)
        })
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    // Coalesce bursts of scroll events into one request per frame.
    const frame = requestAnimationFrame(load)
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }, [responseId, mode, first, visible, needed, tick])

  const meta = win?.meta
  return {
    mode: meta?.mode ?? mode,
    totalRows: meta?.totalRows ?? 0,
    done: meta?.done ?? false,
    indexedBytes: meta?.indexedBytes ?? 0,
    totalBytes: meta?.totalBytes ?? 0,
    error,
    rowAt: (row) => (win && win.meta.mode === mode ? win.rows[row - win.firstRow] : undefined)
  }
}
