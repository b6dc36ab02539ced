import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ImportedCatalog } from '@shared/catalog/imported'
import { call, toErrorShape } from '../../api/client'
import type { LoadedCatalog } from './load-builtin'

export type CatalogsState =
  | { status: 'loading' }
  | { status: 'ready'; catalogs: LoadedCatalog[] }
  | { status: 'error'; message: string }

export interface Catalogs {
  /** Built-in catalogs, then the imported ones (in import order). */
  state: CatalogsState
  /** Problems main found with imported catalog files (moved aside), or the last failed import / removal. */
  problems: string[]
  importing: boolean
  /** The catalog whose import report is shown (right after an import, or when the user asks). */
  report: ImportedCatalog | null
  showReport(id: string | null): void
  importFile(): void
  /** Stops the import under way (main terminates its worker); nothing is stored. */
  cancelImport(): void
  remove(id: string): void
}

function fromImported(catalog: ImportedCatalog): LoadedCatalog {
  return { key: `imported:${catalog.id}`, api: catalog.api, title: catalog.title, operations: catalog.operations, imported: catalog }
}

const message = (error: unknown): string => toErrorShape(error).message

/**
 * The built-in catalogs (loaded once, after the shell has rendered: the chunk is fetched on first use) and the
 * catalogs imported from OpenAPI files, which main parses, converts and stores; the renderer only lists them.
 */
export function useCatalogs(): Catalogs {
  const [builtin, setBuiltin] = useState<CatalogsState>({ status: 'loading' })
  const [imported, setImported] = useState<ImportedCatalog[]>([])
  const [problems, setProblems] = useState<string[]>([])
  const [importing, setImporting] = useState(false)
  const [reportId, setReportId] = useState<string | null>(null)
  const importId = useRef<string | null>(null)

  useEffect(() => {
    let live = true
    import('./load-builtin')
      .then(({ loadBuiltinCatalogs }) => {
        const catalogs = loadBuiltinCatalogs()
        if (live) setBuiltin({ status: 'ready', catalogs })
      })
      .catch((error: unknown) => {
        if (live) setBuiltin({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      })
    call('catalog:list-imported', {})
      .then(({ catalogs, notices }) => {
        if (!live) return
        setImported(catalogs)
        setProblems(notices)
      })
      .catch((error: unknown) => {
        if (live) setProblems([`Could not list imported catalogs: ${message(error)}`])
      })
    return () => {
      live = false
    }
  }, [])

  const importFile = useCallback(() => {
    setImporting(true)
    setProblems([])
    const id = crypto.randomUUID()
    importId.current = id
    call('catalog:import', { importId: id })
      .then(({ catalog }) => {
        if (catalog === null) return // dialog cancelled
        setImported((prev) => [...prev.filter((c) => c.id !== catalog.id), catalog])
        setReportId(catalog.id)
      })
      .catch((error: unknown) => {
        if (toErrorShape(error).code !== 'CANCELLED') setProblems([message(error)])
      })
      .finally(() => {
        if (importId.current === id) importId.current = null
        setImporting(false)
      })
  }, [])

  const cancelImport = useCallback(() => {
    if (importId.current !== null) void call('catalog:cancel-import', { importId: importId.current }).catch(() => undefined)
  }, [])

  const remove = useCallback((id: string) => {
    call('catalog:remove-imported', { id })
      .then(() => {
        setImported((prev) => prev.filter((c) => c.id !== id))
        setReportId((shown) => (shown === id ? null : shown))
      })
      .catch((error: unknown) => setProblems([`Could not remove the catalog: ${message(error)}`]))
  }, [])

  const state = useMemo<CatalogsState>(
    () => (builtin.status === 'ready' ? { status: 'ready', catalogs: [...builtin.catalogs, ...imported.map(fromImported)] } : builtin),
    [builtin, imported]
  )
  const report = imported.find((c) => c.id === reportId) ?? null
  return { state, problems, importing, report, showReport: setReportId, importFile, cancelImport, remove }
}
