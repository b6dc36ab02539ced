import { useEffect, useState } from 'react'
import type { IteratorRunLog } from '@shared/collections/history-entry'
import type { History } from './useHistory'

/** An iterator run entry's page list, fetched when it is first shown. */
export function useRunPages(history: Pick<History, 'entry'>, id: string, open: boolean): IteratorRunLog | null {
  const [run, setRun] = useState<IteratorRunLog | null>(null)
  const { entry } = history
  useEffect(() => {
    if (!open || run !== null) return
    let live = true
    void entry(id).then((found) => {
      if (live && found?.run) setRun(found.run)
    })
    return () => {
      live = false
    }
  }, [entry, id, open, run])
  return run
}
