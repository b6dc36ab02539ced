import { z } from 'zod'

/**
 * Vendor extensions used by the built-in catalogs (resources/catalogs/*.openapi.json).
 *
 * Document level (under `info`):
 * - `x-api`: a vendor id from src/shared/vendors/registry.ts (the `id` of its definition). Tells loadCatalog which API the document
 *   describes; an imported document without it must pass `options.api`.
 *
 * Operation level (all optional for imported documents; the built-in catalogs set the ones that apply):
 * - `x-ce-modules: string[]` Cloud Exchange modules that call this tenant/CE endpoint: CLS (log shipper),
 *   CTO (ticket orchestrator), CTE (threat exchange), URE (user risk exchange), ARE (app risk exchange).
 *   An empty array means "not tied to one module" (core CE routes, or a use we could not attribute).
 * - `x-ce-scopes: string[]` CE OAuth scopes a CE route needs (e.g. "cte_read"), as CE's own API enforces them.
 * - `x-privilege: "Read" | "Read+Write"` the Netskope v2 token privilege the path needs. A Read token allows
 *   GET only; Read+Write allows GET/PUT/POST/PATCH/DELETE. Also used for CE routes (read vs write scope).
 * - `x-lifecycle: string` free text on where/when the endpoint is used, e.g. "CE 3.0-4.0, phasing out",
 *   "CE 4.0+".
 * - `x-ics-namespace: "public" | "prototype" | "v3"` InsightCloudSec path family. Prototype routes are
 *   less supported by the vendor.
 * - `x-caution: string` a warning to show next to the operation (every ICS prototype route has one).
 * - `x-iterator: { kind, legacyEquivalent? }` the endpoint is a Netskope iterator: the server keeps the read
 *   position per (endpoint, index). kind "dataexport" = JSON pages (/api/v2/events/dataexport/...);
 *   kind "csv-iterator" = the iterator-management CSV fetch. legacyEquivalent = the older offset-paged
 *   /api/v2/events/data/{type} path for the same data, when there is one.
 * - `x-iterator-equivalent: string` on a legacy /api/v2/events/data/{type} operation: the dataexport path
 *   that replaces it.
 * - `x-pagination: "offset" | "cursor" | "page"` how a list endpoint pages (ICS): offset+limit until
 *   total_count, cursor=next_cursor until null, or page/page_size until total_pages.
 */

export const CE_MODULES = ['CLS', 'CTO', 'CTE', 'URE', 'ARE'] as const
export const PRIVILEGES = ['Read', 'Read+Write'] as const
export const ICS_NAMESPACES = ['public', 'prototype', 'v3'] as const
export const ITERATOR_KINDS = ['dataexport', 'csv-iterator'] as const
export const PAGINATION_STYLES = ['offset', 'cursor', 'page'] as const

export const CatalogExtensionsSchema = z.object({
  ceModules: z.array(z.enum(CE_MODULES)).optional(),
  ceScopes: z.array(z.string().min(1)).optional(),
  privilege: z.enum(PRIVILEGES).optional(),
  lifecycle: z.string().min(1).optional(),
  icsNamespace: z.enum(ICS_NAMESPACES).optional(),
  caution: z.string().min(1).optional(),
  iterator: z
    .object({ kind: z.enum(ITERATOR_KINDS), legacyEquivalent: z.string().startsWith('/').optional() })
    .strict()
    .optional(),
  iteratorEquivalent: z.string().startsWith('/').optional(),
  pagination: z.enum(PAGINATION_STYLES).optional()
})
export type CatalogExtensions = z.infer<typeof CatalogExtensionsSchema>

/** Maps each `x-` key to its field in CatalogExtensions. */
const KEYS: ReadonlyArray<readonly [string, keyof CatalogExtensions]> = [
  ['x-ce-modules', 'ceModules'],
  ['x-ce-scopes', 'ceScopes'],
  ['x-privilege', 'privilege'],
  ['x-lifecycle', 'lifecycle'],
  ['x-ics-namespace', 'icsNamespace'],
  ['x-caution', 'caution'],
  ['x-iterator', 'iterator'],
  ['x-iterator-equivalent', 'iteratorEquivalent'],
  ['x-pagination', 'pagination']
]

/**
 * Reads our extensions from an operation object. Unknown `x-` keys (other vendors') are ignored; one of ours
 * with a wrong shape is a malformed document, so the returned error names the key and what is wrong.
 */
export function readExtensions(
  op: Readonly<Record<string, unknown>>
): { ok: true; value: CatalogExtensions } | { ok: false; key: string; message: string } {
  const raw: Record<string, unknown> = {}
  for (const [key, field] of KEYS) {
    if (op[key] !== undefined) raw[field] = op[key]
  }
  const parsed = CatalogExtensionsSchema.safeParse(raw)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issue = parsed.error.issues[0]
  const field = issue?.path[0]
  const key = KEYS.find(([, f]) => f === field)?.[0] ?? 'x-?'
  return { ok: false, key, message: issue?.message ?? 'invalid value' }
}

export const BADGE_KINDS = [
  'ce-module',
  'privilege',
  'lifecycle',
  'ics-namespace',
  'iterator',
  'iterator-equivalent',
  'pagination',
  'caution',
  'deprecated'
] as const
export type BadgeKind = (typeof BADGE_KINDS)[number]

export const CatalogBadgeSchema = z.object({
  kind: z.enum(BADGE_KINDS),
  /** Short text for the chip. */
  label: z.string(),
  /** Longer text for a tooltip. */
  title: z.string()
})
export type CatalogBadge = z.infer<typeof CatalogBadgeSchema>

/** The chips the sidebar and the operation header show, in a stable order. */
export function badgesFor(ext: CatalogExtensions, deprecated: boolean): CatalogBadge[] {
  const out: CatalogBadge[] = []
  if (deprecated) out.push({ kind: 'deprecated', label: 'Deprecated', title: 'Marked deprecated in the catalog' })
  for (const m of ext.ceModules ?? []) {
    out.push({ kind: 'ce-module', label: m, title: `Used by the Cloud Exchange ${m} module` })
  }
  if (ext.privilege) {
    out.push({ kind: 'privilege', label: ext.privilege, title: `Needs a token with ${ext.privilege} on this path` })
  }
  if (ext.lifecycle) out.push({ kind: 'lifecycle', label: ext.lifecycle, title: `Lifecycle: ${ext.lifecycle}` })
  if (ext.icsNamespace) {
    out.push({ kind: 'ics-namespace', label: ext.icsNamespace, title: `InsightCloudSec ${ext.icsNamespace} API` })
  }
  if (ext.iterator) {
    const legacy = ext.iterator.legacyEquivalent
    out.push({
      kind: 'iterator',
      label: 'Iterator',
      title:
        ext.iterator.kind === 'dataexport'
          ? `Data Export iterator: pages with index + operation${legacy ? `; replaces ${legacy}` : ''}`
          : 'Iterator-management CSV fetch: pages with operation=next|resend'
    })
  }
  if (ext.iteratorEquivalent) {
    out.push({
      kind: 'iterator-equivalent',
      label: 'Has iterator',
      title: `Iterator equivalent: ${ext.iteratorEquivalent}`
    })
  }
  if (ext.pagination) {
    out.push({ kind: 'pagination', label: `${ext.pagination} paging`, title: `Pages by ${ext.pagination}` })
  }
  if (ext.caution) out.push({ kind: 'caution', label: 'Caution', title: ext.caution })
  return out
}
