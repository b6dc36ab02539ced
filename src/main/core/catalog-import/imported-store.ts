import { readdir, readFile, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { z } from 'zod'
import { ImportedCatalogSchema, type ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import { readJsonFile, writeTextAtomic } from '../storage/json-file'
import { importOpenApi } from './import-openapi'

const FileSchema = z.object({ version: z.literal(1), catalog: ImportedCatalogSchema })
/** Ids are made by the importer (slug + hash); anything else is refused before it becomes a file name. */
const ID = /^[a-z0-9][a-z0-9-]{0,127}$/
/** Well above any real API description (the largest public ones are a few tens of MB). */
const MAX_BYTES = 64 * 1024 * 1024

export interface ImportedCatalogStore {
  /** Every imported catalog, and notices about files that could not be read (moved aside). */
  list(): Promise<{ catalogs: ImportedCatalog[]; notices: string[] }>
  /** Imports a file chosen in main's dialog; the same file imported again replaces its earlier catalog. */
  importFile(path: string): Promise<ImportedCatalog>
  remove(id: string): Promise<boolean>
}

/** Imported catalogs, one JSON file each under `<dataDir>/catalogs/`, written atomically. */
export function openImportedCatalogStore(dataDir: string): ImportedCatalogStore {
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
    async importFile(path) {
      const size = await stat(path).then((s) => s.size).catch(() => {
        throw new AppError('FILE_NOT_FOUND', `${path} could not be read.`)
      })
      if (size > MAX_BYTES) throw new AppError('INVALID_INPUT', `${basename(path)} is ${Math.round(size / 1048576)} MB; files over 64 MB are not imported.`)
      const { catalog } = importOpenApi(await readFile(path, 'utf8'), basename(path))
      const catalogs = await load()
      // Compact: indentation of deeply nested schemas is most of a pretty-printed catalog's size.
      await writeTextAtomic(fileOf(catalog.id), JSON.stringify({ version: 1, catalog }))
      catalogs.set(catalog.id, catalog)
      return catalog
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
