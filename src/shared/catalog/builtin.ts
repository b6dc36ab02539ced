import type { CatalogApi } from './types'

export type BuiltinApi = Exclude<CatalogApi, 'generic'>

/** The built-in catalogs shipped in resources/catalogs/ (file names relative to that folder). */
export const BUILTIN_CATALOGS: ReadonlyArray<{ api: BuiltinApi; file: string; title: string }> = [
  { api: 'netskope', file: 'netskope.openapi.json', title: 'Netskope tenant API' },
  { api: 'cloud-exchange', file: 'cloud-exchange.openapi.json', title: 'Netskope Cloud Exchange API' },
  { api: 'insightcloudsec', file: 'insightcloudsec.openapi.json', title: 'Rapid7 InsightCloudSec API' }
]
