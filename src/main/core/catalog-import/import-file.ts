import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import { importOpenApi } from './import-openapi'

/** Well above any real API description (the largest public ones are a few tens of MB). */
const MAX_BYTES = 64 * 1024 * 1024

/** A catalog and the text of its file in the store (made where the import ran, so main does not serialise it). */
export interface ImportedFile {
  catalog: ImportedCatalog
  stored: string
}

/** What an imported catalog's file holds: compact, as indentation of deep schemas is most of a pretty-printed one. */
export function storedCatalogText(catalog: ImportedCatalog): string {
  return JSON.stringify({ version: 1, catalog })
}

/** Reads and imports one OpenAPI / Swagger file: what the import worker (import-worker.ts) runs. */
export async function importCatalogFile(path: string): Promise<ImportedFile> {
  const size = await stat(path).then((s) => s.size).catch(() => {
    throw new AppError('FILE_NOT_FOUND', `${path} could not be read.`)
  })
  if (size > MAX_BYTES) throw new AppError('INVALID_INPUT', `${basename(path)} is ${Math.round(size / 1048576)} MB; files over 64 MB are not imported.`)
  const { catalog } = importOpenApi(await readFile(path, 'utf8'), basename(path))
  return { catalog, stored: storedCatalogText(catalog) }
}
