import { useEffect, useState } from 'react'
import type { LoadedCatalog } from './load-builtin'

export type CatalogsState =
  | { status: 'loading' }
  | { status: 'ready'; catalogs: LoadedCatalog[] }
  | { status: 'error'; message: string }

/** Loads the built-in catalogs once, after the shell has rendered (the chunk is fetched on first use). */
export function useCatalogs(): CatalogsState {
  const [state, setState] = useState<CatalogsState>({ status: 'loading' })
  useEffect(() => {
    let live = true
    import('./load-builtin')
      .then(({ loadBuiltinCatalogs }) => {
        const catalogs = loadBuiltinCatalogs()
        if (live) setState({ status: 'ready', catalogs })
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      })
    return () => {
      live = false
    }
  }, [])
  return state
}
