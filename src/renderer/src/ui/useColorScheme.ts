import { useEffect, useState } from 'react'

export type ColorScheme = 'light' | 'dark'
export type ThemePreference = 'system' | ColorScheme

const QUERY = '(prefers-color-scheme: dark)'

/** The effective scheme: the user's choice, or the OS preference (followed live) when set to "system". */
export function useColorScheme(preference: ThemePreference): ColorScheme {
  const [osDark, setOsDark] = useState(() => window.matchMedia(QUERY).matches)
  useEffect(() => {
    const media = window.matchMedia(QUERY)
    const update = (): void => setOsDark(media.matches)
    media.addEventListener('change', update)
    return () => media.removeEventListener('change', update)
  }, [])
  const scheme: ColorScheme = preference === 'system' ? (osDark ? 'dark' : 'light') : preference
  useEffect(() => {
    document.documentElement.dataset['theme'] = scheme
  }, [scheme])
  return scheme
}
