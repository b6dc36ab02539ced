import type { CatalogBadge } from '@shared/catalog/extensions'
import type { CatalogApi, CatalogOperation } from '@shared/catalog/types'
import { searchCatalog } from '@shared/catalog/search'
import { VENDORS, type VendorId } from '@shared/vendors/registry'
import type { LoadedCatalog } from './load-builtin'

/** One line of the sidebar list. Operation rows carry `pick`, their position among the openable rows. */
export type CatalogRow =
  | { kind: 'api'; key: string; title: string; count: number; collapsed: boolean; importedId: string | null }
  | { kind: 'tag'; key: string; label: string; count: number; collapsed: boolean }
  | { kind: 'op'; key: string; op: CatalogOperation; pick: number; apiTitle: string | null }

export const ROW_HEIGHT: Record<CatalogRow['kind'], number> = { api: 30, tag: 24, op: 46 }

/**
 * The user's imported catalogs come first (they imported them to work with them, and a new one is then in view),
 * then the built-in catalog for the selected environment's API; the others keep their built-in order.
 */
export function orderCatalogs(catalogs: readonly LoadedCatalog[], preferred: string | null | undefined): LoadedCatalog[] {
  const imported = catalogs.filter((c) => c.imported !== null)
  const builtin = catalogs.filter((c) => c.imported === null)
  return [...imported, ...builtin.filter((c) => c.api === preferred), ...builtin.filter((c) => c.api !== preferred)]
}

/** Browse mode: API header, then each tag (in first-seen order) with its operations; `collapsed` holds row keys. */
export function browseRows(catalogs: readonly LoadedCatalog[], collapsed: ReadonlySet<string> = new Set()): CatalogRow[] {
  const rows: CatalogRow[] = []
  let pick = 0
  for (const catalog of catalogs) {
    const apiKey = `api:${catalog.key}`
    const apiCollapsed = collapsed.has(apiKey)
    const importedId = catalog.imported?.id ?? null
    rows.push({ kind: 'api', key: apiKey, title: catalog.title, count: catalog.operations.length, collapsed: apiCollapsed, importedId })
    if (apiCollapsed) continue
    const byTag = new Map<string, CatalogOperation[]>()
    for (const op of catalog.operations) {
      const tag = op.tags[0] ?? 'Other'
      const list = byTag.get(tag)
      if (list) list.push(op)
      else byTag.set(tag, [op])
    }
    for (const [tag, ops] of byTag) {
      const tagKey = `tag:${catalog.key}:${tag}`
      const tagCollapsed = collapsed.has(tagKey)
      rows.push({ kind: 'tag', key: tagKey, label: tag, count: ops.length, collapsed: tagCollapsed })
      if (tagCollapsed) continue
      for (const op of ops) rows.push({ kind: 'op', key: op.id, op, pick: pick++, apiTitle: null })
    }
  }
  return rows
}

/** Short API names for search results, where the path needs the room. */
const SHORT_API: Record<CatalogApi, string> = {
  ...(Object.fromEntries(VENDORS.map((vendor) => [vendor.id, vendor.labels.short])) as Record<VendorId, string>),
  generic: 'Imported'
}

/** Imported operations are labelled with their catalog's title (looked up by the id in `imported:<id>:...`). */
function resultLabel(op: CatalogOperation, importedTitles: ReadonlyMap<string, string>): string {
  const importedId = /^imported:([^:]+):/.exec(op.id)?.[1]
  return (importedId === undefined ? undefined : importedTitles.get(importedId)) ?? SHORT_API[op.api]
}

/** Search mode: one ranked list over every catalog; the preferred API wins ties because it comes first. */
export function searchRows(all: readonly CatalogOperation[], query: string, importedTitles: ReadonlyMap<string, string> = new Map()): CatalogRow[] {
  return searchCatalog(all, query).map((hit, pick) => ({
    kind: 'op',
    key: hit.operation.id,
    op: hit.operation,
    pick,
    apiTitle: resultLabel(hit.operation, importedTitles)
  }))
}

/** The chips worth a place in a crowded list row; the operation panel shows all of them. */
export function sidebarBadges(op: CatalogOperation): CatalogBadge[] {
  return op.badges.filter(
    (b) =>
      b.kind === 'ce-module' ||
      b.kind === 'privilege' ||
      b.kind === 'deprecated' ||
      b.kind === 'caution' ||
      b.kind === 'iterator' ||
      (b.kind === 'ics-namespace' && b.label === 'prototype') ||
      (b.kind === 'lifecycle' && /phasing out/i.test(b.label))
  )
}

/** Prototype routes show the vendor's caution on hover, wherever their chip appears. */
export function badgeTitle(op: CatalogOperation, badge: CatalogBadge): string {
  if (badge.kind === 'ics-namespace' && badge.label === 'prototype' && op.extensions.caution) return op.extensions.caution
  return badge.title
}
