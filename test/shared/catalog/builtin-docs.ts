import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BUILTIN_CATALOGS } from '@shared/catalog/builtin'
import type { CatalogApi } from '@shared/catalog/types'

export const CATALOG_DIR = fileURLToPath(new URL('../../../resources/catalogs/', import.meta.url))

/** A fresh parse each call: the OpenAPI validator dereferences (mutates) what it is given. */
export function readBuiltin(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(CATALOG_DIR, file), 'utf8')) as Record<string, unknown>
}

export function builtinDocs(): Array<{ api: CatalogApi; file: string; doc: Record<string, unknown> }> {
  return BUILTIN_CATALOGS.map((c) => ({ api: c.api, file: c.file, doc: readBuiltin(c.file) }))
}
