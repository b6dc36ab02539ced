import { join, resolve } from 'node:path'
import { z } from 'zod'
import type { CollectionTree } from '@shared/collections/saved-request'
import { AppError } from '@shared/model/errors'
import type { CollectionRepository } from './repository'
import { readJsonFile, writeJsonAtomic } from '../storage/json-file'

const OpenListSchema = z.object({ folders: z.array(z.string().min(1)).max(200) })

/** A collection in the sidebar: its tree, or why it could not be read this time (the folder stays listed). */
export type OpenCollection = { folder: string; tree: CollectionTree; error: null } | { folder: string; tree: null; error: string }

export interface OpenCollections {
  list(): Promise<OpenCollection[]>
  /** Adds a folder the user chose (through main's dialog) and returns its tree. */
  add(folder: string): Promise<CollectionTree>
  remove(folder: string): Promise<boolean>
  /**
   * Main does not trust folder paths from the renderer: every collection command must name a folder the user
   * opened or created through main's dialog.
   */
  require(folder: string): string
}

/** The folders open in the sidebar, remembered across restarts at <dataDir>/open-collections.json. */
export async function openCollectionList(dataDir: string, repo: CollectionRepository, notices: string[]): Promise<OpenCollections> {
  const file = join(dataDir, 'open-collections.json')
  const read = await readJsonFile(file, OpenListSchema)
  if (read.kind === 'corrupt') notices.push(`The list of open collections did not parse (${read.reason}); it was moved to ${read.movedTo}.`)
  let folders = read.kind === 'ok' ? read.value.folders : []
  const save = (): Promise<void> => writeJsonAtomic(file, { folders })

  return {
    async list() {
      const out: OpenCollection[] = []
      for (const folder of folders) {
        try {
          out.push({ folder, tree: await repo.open(folder), error: null })
        } catch (error) {
          out.push({ folder, tree: null, error: error instanceof Error ? error.message : 'unreadable' })
        }
      }
      return out
    },
    async add(folder) {
      const absolute = resolve(folder)
      const tree = await repo.open(absolute)
      if (!folders.includes(absolute)) {
        folders = [...folders, absolute]
        await save()
      }
      return tree
    },
    async remove(folder) {
      const before = folders.length
      folders = folders.filter((entry) => entry !== folder)
      if (folders.length === before) return false
      await save()
      return true
    },
    require(folder) {
      if (!folders.includes(folder)) {
        throw new AppError('INVALID_INPUT', `"${folder}" is not an open collection; open it through the Collections panel first.`)
      }
      return folder
    }
  }
}
