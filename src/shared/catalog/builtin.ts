import { VENDOR_LISTS } from '../vendors/registry'
import type { CatalogApi } from './types'

export type BuiltinApi = Exclude<CatalogApi, 'generic'>

/** The built-in catalogs shipped in resources/catalogs/ (file names relative to that folder), one per vendor. */
export const BUILTIN_CATALOGS: ReadonlyArray<{ api: BuiltinApi; file: string; title: string }> = VENDOR_LISTS.builtinCatalogs
