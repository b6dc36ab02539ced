import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { ImportedCatalogSchema, type ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import { readJsonFile, writeTextAtomic } from '../storage/json-file'
import type { WorkerSource } from '../history/history-client'
import { importCatalogFile, type ImportedFile } from './import-file'
import { importInWorker } from './import-in-worker'
import type { CancelSignal } from '../runs/run-signal'

const FileSchema = z.object({ version: z.literal(1), catalog: ImportedCatalogSchema })
/** Ids are made by the importer (slug + hash); anything else is refused before it becomes a file name. */
const ID = /^[a-z0-9][a-z0-9-]{0,127}$/

export interface ImportedCatalogStore {
  /** Every imported catalog, and notices about files that could not be read (moved aside). */
  list(): Promise<{ catalogs: ImportedCatalog[]; notices: string[] }>
  /**
   * Imports a file chosen in main's dialog; the same file imported again replaces its earlier catalog. Aborting
   * `signal` cancels it (AppError CANCELLED) and nothing is stored.
   */
  importFile(path: string, signal?: CancelSignal): Promise<ImportedCatalog>
  remove(id: string): Promise<boolean>
}

/**
 * Imported catalogs, one JSON file each under `<dataDir>/catalogs/`, written atomically. With `worker` (the app) each
 * import runs in a worker thread; without it, in this thread (a cancel then only takes effect before the write).
 */
export function openImportedCatalogStore(dataDir: string, worker?: WorkerSource): ImportedCatalogStore {
  const folder = join(dataDir, 'catalogs')
  const fileOf = (id: string): string => {
    if (!ID.test(id)) throw new AppError('INVALID_INPUT', `"${id}" is not an imported catalog id.`)
    return join(folder, `${id}.json`)
  }
  let cache: Map<string, ImportedCatalog> | null = null
  const notices: string[] = []

  const load = async (): Promise<Map<string, ImportedCatalog>> => {
    if (cache) return cache
    const loaded = new Map<string, ImportedCatalog>()
    const names = await readdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[]
      throw error
    })
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const outcome = await readJsonFile(join(folder, name), FileSchema)
      if (outcome.kind === 'ok') loaded.set(outcome.value.catalog.id, outcome.value.catalog)
      if (outcome.kind === 'corrupt') notices.push(`Imported catalog ${name} was unreadable (${outcome.reason}); it was moved to ${outcome.movedTo}.`)
    }
    cache = loaded
    return loaded
  }

  return {
    async list() {
      const catalogs = await load()
      return { catalogs: [...catalogs.values()], notices: [...notices] }
    },
    async importFile(path, signal) {
      const file: ImportedFile = worker ? await importInWorker(worker, path, signal) : await importCatalogFile(path)
      if (signal?.aborted) throw new AppError('CANCELLED', 'The import was cancelled.')
      const catalogs = await load()
      await writeTextAtomic(fileOf(file.catalog.id), file.stored)
      catalogs.set(file.catalog.id, file.catalog)
      return file.catalog
    },
    async remove(id) {
      const catalogs = await load()
      const file = fileOf(id)
      if (!catalogs.has(id)) return false
      await unlink(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error
      })
      return catalogs.delete(id)
    }
  }
}
