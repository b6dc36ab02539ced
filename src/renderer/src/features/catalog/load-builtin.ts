/*
 * The built-in catalogs, parsed and normalised. This module is only reached through a dynamic import, so the
 * ~400 KB of OpenAPI text and the loader (with zod) stay out of the initial bundle. The documents come in as
 * raw text: JSON.parse on a string is cheaper than evaluating an equivalent object literal, and TypeScript does
 * not have to infer a type for 400 KB of JSON.
 */
import { BUILTIN_CATALOGS, loadCatalog, type CatalogApi, type CatalogOperation } from '@shared/catalog'
import type { ImportedCatalog } from '@shared/catalog/imported'

export interface LoadedCatalog {
  /** Unique per sidebar group: the API for a built-in catalog, `imported:<id>` for an imported one. */
  key: string
  api: CatalogApi
  title: string
  operations: CatalogOperation[]
  /** Set for a catalog the user imported (its id and import report); null for a built-in one. */
  imported: ImportedCatalog | null
}

/** Every shipped catalog as raw text, keyed by file name, so a vendor's catalog is bundled by being in the folder. */
const TEXT_BY_FILE: Record<string, string> = Object.fromEntries(
  Object.entries(import.meta.glob<string>('../../../../../resources/catalogs/*.openapi.json', { query: '?raw', import: 'default', eager: true })).map(
    ([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]
  )
)

/** Every built-in catalog; a broken one throws an AppError naming the file, which the sidebar shows. */
export function loadBuiltinCatalogs(): LoadedCatalog[] {
  return BUILTIN_CATALOGS.map(({ api, file, title }) => {
    let doc: unknown
    try {
      doc = JSON.parse(TEXT_BY_FILE[file] ?? '')
    } catch (error) {
      throw new Error(`resources/catalogs/${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`)
    }
    return { key: api, api, title, operations: loadCatalog(doc, { api }), imported: null }
  })
}
