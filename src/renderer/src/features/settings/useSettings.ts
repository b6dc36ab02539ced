import { useCallback, useEffect, useState } from 'react'
import type { Settings } from '@shared/model/settings'
import { call, toErrorShape } from '../../api/client'

export interface SettingsState {
  settings: Settings | null
  loadError: string | null
  /** Resolves to an error message, or null when saved. */
  save(patch: Partial<Settings>): Promise<string | null>
}

export function useSettings(): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)

  useEffect(() => {
    call('settings:get', {})
      .then(setSettings)
      .catch((error: unknown) => setLoadError(toErrorShape(error).message))
  }, [])

  const save = useCallback(async (patch: Partial<Settings>) => {
    try {
      setSettings(await call('settings:update', patch))
      return null
    } catch (error) {
      return toErrorShape(error).message
    }
  }, [])

  return { settings, loadError, save }
}
