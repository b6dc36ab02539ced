import { readFile, stat } from 'node:fs/promises'
import type { CollectionTree } from '@shared/collections/saved-request'
import type { DroppedSecret, AuthMapping } from '@shared/collections/import-types'
import type { Environment } from '@shared/model/environment'
import { AppError } from '@shared/model/errors'
import type { CollectionRepository } from './repository'
import { importPostmanCollection } from './postman-import'
import { writeImportedCollection } from './import-writer'
import { exportPostman } from './postman-export'
import { exportCollectionHar } from './har-export'
import { writeTextAtomic } from './text-file'
import type { OpenCollections } from './open-collections'
import type { HostDialogs } from '../ports/platform-port'

const MAX_IMPORT_BYTES = 50 * 1024 * 1024

export interface PostmanImportResult {
  tree: CollectionTree
  requestCount: number
  droppedSecrets: DroppedSecret[]
  authMappings: AuthMapping[]
  warnings: string[]
}

export interface ExportResult {
  path: string
  /** How many credentials were written as {{secret.NAME}} placeholders instead of their values. */
  replacedSecrets: number
  warnings: string[]
}

/** Reads a Postman v2.x file, writes it as a new collection in the (new or empty) folder, and opens it. */
export async function importPostmanFile(repo: CollectionRepository, open: OpenCollections, file: string, folder: string): Promise<PostmanImportResult> {
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) throw new AppError('FILE_NOT_FOUND', `"${file}" is not a readable file.`)
  if (info.size > MAX_IMPORT_BYTES) throw new AppError('INVALID_INPUT', `"${file}" is larger than 50 MB; that is not a Postman collection this app can import.`)
  const imported = importPostmanCollection(await readFile(file, 'utf8'))
  const written = await writeImportedCollection(repo, folder, imported)
  const tree = await open.add(folder)
  const warnings = [...imported.warnings, ...written.warnings]
  return { tree, requestCount: imported.requestCount, droppedSecrets: imported.droppedSecrets, authMappings: imported.authMappings, warnings }
}

export async function exportPostmanFile(repo: CollectionRepository, folder: string, path: string, target: string): Promise<ExportResult> {
  const exported = await exportPostman(repo, folder, path)
  await writeTextAtomic(target, exported.json)
  return { path: target, replacedSecrets: exported.replacedSecrets.length, warnings: exported.warnings }
}

/** HAR of a collection, folder or request; the environment's non-secret variables (and baseUrl) are filled in. */
export async function exportHarFile(
  repo: CollectionRepository,
  folder: string,
  path: string,
  environment: Environment | null,
  target: string,
  now: Date = new Date()
): Promise<ExportResult> {
  const variables = new Map<string, string>()
  if (environment) {
    variables.set('baseUrl', environment.baseUrl)
    for (const variable of environment.variables) if (variable.enabled && variable.secret !== true) variables.set(variable.name, variable.value)
  }
  const exported = await exportCollectionHar(repo, folder, path, { startedDateTime: now.toISOString(), variables })
  await writeTextAtomic(target, JSON.stringify(exported.har, null, 2) + '\n')
  return { path: target, replacedSecrets: exported.replacedSecrets.length, warnings: exported.warnings }
}

/** A default file name for an export: the request file's or folder's name, else the collection folder's. */
function exportName(root: string, path: string): string {
  const base = (path === '' ? root : path).split(/[\\/]/).filter(Boolean).pop() ?? 'collection'
  return base.replace(/\.request\.json$/, '') || 'collection'
}

const CANCELLED = { path: null, replacedSecrets: 0, warnings: [] as string[] }

export interface CollectionTransfer {
  /** Postman file (open dialog) into a new collection (folder dialog); null when either dialog was cancelled. */
  importPostman(): Promise<PostmanImportResult | null>
  exportPostman(folder: string, path: string): Promise<ExportResult | typeof CANCELLED>
  exportHar(folder: string, path: string, environmentId: string | null): Promise<ExportResult | typeof CANCELLED>
}

/** Collection import and export through the host's dialogs; only folders open in the sidebar are accepted. */
export function createCollectionTransfer(
  deps: { collections: CollectionRepository; open: OpenCollections; environmentOf(id: string): Environment },
  dialogs: HostDialogs
): CollectionTransfer {
  const { collections, open } = deps
  return {
    async importPostman() {
      const file = await dialogs.pickImportFile('postman')
      const folder = file === null ? null : await dialogs.pickFolder('import-target')
      return file === null || folder === null ? null : importPostmanFile(collections, open, file, folder)
    },
    async exportPostman(folder, path) {
      const root = open.require(folder)
      const target = await dialogs.pickSavePath('export', `${exportName(root, path)}.postman_collection.json`)
      return target === null ? CANCELLED : exportPostmanFile(collections, root, path, target)
    },
    async exportHar(folder, path, environmentId) {
      const root = open.require(folder)
      const environment = environmentId === null ? null : deps.environmentOf(environmentId)
      const target = await dialogs.pickSavePath('export', `${exportName(root, path)}.har`)
      return target === null ? CANCELLED : exportHarFile(collections, root, path, environment, target)
    }
  }
}
