import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppErrorShape } from '@shared/model/errors'
import type {
  ExportFormat, IteratorPagePreview, IteratorProgress, IteratorStart, IteratorSummary
} from '@shared/iterator/iterator-model'
import { call, on, toErrorShape } from '../../api/client'

export interface IteratorRunState {
  running: boolean
  progress: IteratorProgress | null
  lastPage: IteratorPagePreview | null
  summary: IteratorSummary | null
  error: AppErrorShape | null
}

const IDLE: IteratorRunState = { running: false, progress: null, lastPage: null, summary: null, error: null }

/** One iterator run at a time for the panel: start, cancel, live progress and the last page's preview. */
export function useIterator(): {
  state: IteratorRunState
  start(input: Omit<IteratorStart, 'runId'>): Promise<void>
  cancel(): void
  pickExport(format: ExportFormat): Promise<string | null>
} {
  const [state, setState] = useState<IteratorRunState>(IDLE)
  const runId = useRef<string | null>(null)

  useEffect(() => {
    const offProgress = on('iterator:progress', (progress) => {
      if (progress.runId === runId.current) setState((s) => ({ ...s, progress }))
    })
    const offPage = on('iterator:page', (lastPage) => {
      // The empty page that proves a pull caught up would blank the viewer: keep the last page that had records.
      if (lastPage.runId === runId.current) setState((s) => (lastPage.totalRecords === 0 && s.lastPage ? s : { ...s, lastPage }))
    })
    return () => {
      offProgress()
      offPage()
    }
  }, [])

  const start = useCallback(async (input: Omit<IteratorStart, 'runId'>) => {
    const id = `iterator-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
    runId.current = id
    setState({ ...IDLE, running: true })
    try {
      const summary = await call('iterator:start', { ...input, runId: id })
      setState((s) => ({ ...s, running: false, summary }))
    } catch (failure) {
      setState((s) => ({ ...s, running: false, error: toErrorShape(failure) }))
    }
  }, [])

  const cancel = useCallback(() => {
    if (runId.current) void call('iterator:cancel', { runId: runId.current }).catch(() => undefined)
  }, [])

  const pickExport = useCallback(async (format: ExportFormat) => {
    const { path } = await call('iterator:pick-export', { format })
    return path
  }, [])

  return { state, start, cancel, pickExport }
}
