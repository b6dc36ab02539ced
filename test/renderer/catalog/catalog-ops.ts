import type { CatalogOperation } from '@shared/catalog/types'
import { loadBuiltinCatalogs } from '@renderer/features/catalog/load-builtin'

const all = loadBuiltinCatalogs().flatMap((catalog) => catalog.operations)

/** A built-in catalog operation by id (e.g. netskope:dataexportEventsAlert). */
export function op(id: string): CatalogOperation {
  const found = all.find((o) => o.id === id)
  if (!found) throw new Error(`no operation ${id}`)
  return found
}
