import { useCallback, useState } from 'react'
import { loadPrefs, savePrefs, type LayoutPrefs } from './layout-storage'

export interface LayoutPrefsState {
  prefs: LayoutPrefs
  update(patch: Partial<LayoutPrefs>): void
}

/** The workbench's remembered choices, read once at start and written on every change. */
export function useLayoutPrefs(): LayoutPrefsState {
  const [prefs, setPrefs] = useState(loadPrefs)
  const update = useCallback((patch: Partial<LayoutPrefs>) => {
    setPrefs((previous) => {
      const next = { ...previous, ...patch }
      savePrefs(next)
      return next
    })
  }, [])
  return { prefs, update }
}
