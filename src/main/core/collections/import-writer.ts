import { readdir } from 'node:fs/promises'
import type { CollectionTree } from '@shared/collections/saved-request'
import type { CollectionImport, ImportedFolder } from '@shared/collections/import-types'
import type { SecretReplacement } from '@shared/collections/secrets'
import { AppError } from '@shared/model/errors'
import type { CollectionRepository } from './repository'

export interface WrittenImport {
  tree: CollectionTree
  /** Credentials the repository still replaced while saving (normally none: importers strip them first). */
  replacedSecrets: Array<SecretReplacement & { path: string }>
  warnings: string[]
}

async function isEmptyFolder(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).filter((name) => !name.startsWith('.')).length === 0
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw error
  }
}

/**
 * Writes an imported collection into `folder` (which must be new or empty, so an import never mixes with or
 * overwrites existing files) through the repository, so every file gets the same checks as a manual save.
 */
export async function writeImportedCollection(repo: CollectionRepository, folder: string, imported: CollectionImport): Promise<WrittenImport> {
  if (!(await isEmptyFolder(folder))) {
    throw new AppError('INVALID_INPUT', `"${folder}" is not empty; import into a new or empty folder.`)
  }
  await repo.create(folder, imported.name, imported.variables.length > 0 ? imported.variables : undefined)
  const replacedSecrets: WrittenImport['replacedSecrets'] = []
  const warnings: string[] = []
  const write = async (source: ImportedFolder, parent: string): Promise<void> => {
    for (const child of source.children) {
      if (child.type === 'folder') {
        const created = await repo.createFolder(folder, parent, child.name)
        warnings.push(...created.warnings)
        await write(child, created.path)
      } else {
        const saved = await repo.saveRequest(folder, { folder: parent, request: child.saved })
        warnings.push(...saved.warnings)
        replacedSecrets.push(...saved.replacedSecrets.map((hit) => ({ ...hit, path: saved.path })))
      }
    }
  }
  await write(imported.root, '')
  return { tree: await repo.open(folder), replacedSecrets, warnings }
}
