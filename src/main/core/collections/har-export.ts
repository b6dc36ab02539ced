import { exportHar, type Har, type HarOptions } from '@shared/collections/har'
import type { SecretReplacement } from '@shared/collections/secrets'
import { flattenRequests, loadForExport } from './collect'
import type { CollectionRepository } from './repository'

export interface HarExport {
  har: Har
  replacedSecrets: Array<SecretReplacement & { request: string }>
  warnings: string[]
}

/** HAR 1.2 of a whole collection, a folder, or one request (`path`), in collection order, without secrets. */
export async function exportCollectionHar(repo: CollectionRepository, folder: string, path: string, options: HarOptions): Promise<HarExport> {
  const loaded = await loadForExport(repo, folder, path)
  const sources = flattenRequests(loaded.root).map(({ saved }) => ({ name: saved.name, request: saved.request, auth: saved.auth }))
  const { har, replacedSecrets } = exportHar(sources, options)
  return { har, replacedSecrets, warnings: loaded.problems.map((problem) => `${problem.path} was not exported: ${problem.reason}`) }
}
