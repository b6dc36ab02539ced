import { randomUUID } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { CollectionTree, SavedRequest } from '@shared/collections/saved-request'
import { AppError } from '@shared/model/errors'
import type { KeyValue } from '@shared/model/request'
import { serializeManifest } from './files'
import { createFolder, deleteFolder, duplicateFolder, moveFolder, renameFolder } from './folder-ops'
import { loadTree, orderEntries } from './load-tree'
import { listEntries, manifestPath, readManifest } from './manifests'
import { containedPath } from './contained-path'
import {
  deleteRequest,
  duplicateRequest,
  moveRequest,
  readRequestAt,
  renameRequest,
  saveRequest,
  type MutationResult,
  type SaveInput,
  type SaveResult
} from './request-ops'
import { writeTextAtomic } from './text-file'

export type { MutationResult, SaveInput, SaveResult }

export interface CollectionRepositoryOptions {
  /** Id generator for new and duplicated requests (tests inject a deterministic one). */
  newId?: () => string
}

/**
 * Saved request collections on disk. A collection is any folder: `collection.json` (name, order), one
 * `<slug>.request.json` per request and a sub-folder (with `folder.json`) per folder. Every method takes the
 * collection's absolute folder; changes to one collection run one at a time so manifests are never edited
 * concurrently. Files that do not parse are reported and never rewritten.
 */
export class CollectionRepository {
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly newId: () => string

  constructor(options: CollectionRepositoryOptions = {}) {
    this.newId = options.newId ?? randomUUID
  }

  private serial<T>(folder: string, task: (root: string) => Promise<T>): Promise<T> {
    if (!isAbsolute(folder)) {
      return Promise.reject(new AppError('INVALID_INPUT', `Collection folder "${folder}" must be an absolute path.`))
    }
    const root = resolve(folder)
    const previous = this.queues.get(root) ?? Promise.resolve()
    const run = previous.catch(() => undefined).then(() => task(root))
    const tail = run.catch(() => undefined)
    this.queues.set(root, tail)
    void tail.then(() => {
      if (this.queues.get(root) === tail) this.queues.delete(root)
    })
    return run
  }

  private async requireCollectionFolder(root: string): Promise<void> {
    const info = await stat(root).catch(() => null)
    if (!info) throw new AppError('NOT_FOUND', `Collection folder "${root}" does not exist.`)
    if (!info.isDirectory()) throw new AppError('INVALID_INPUT', `"${root}" is not a folder.`)
  }

  /** Lists a collection folder; request files that do not parse appear in `problems` (path + reason). */
  open(folder: string): Promise<CollectionTree> {
    return this.serial(folder, async (root) => {
      await this.requireCollectionFolder(root)
      return loadTree(root)
    })
  }

  /** Makes `folder` a collection named `name` (creating the folder); an existing valid manifest is kept. */
  create(folder: string, name: string, variables?: KeyValue[]): Promise<CollectionTree> {
    return this.serial(folder, async (root) => {
      const display = name.trim()
      if (display === '' || display.length > 200) throw new AppError('INVALID_INPUT', 'A collection name must have 1 to 200 characters.')
      await mkdir(root, { recursive: true })
      const current = await readManifest(root, '')
      if (current.state === 'corrupt') {
        throw new AppError('INVALID_INPUT', `${manifestPath('')} in "${root}" does not parse (${current.reason}); it was left unchanged.`)
      }
      if (current.state === 'missing') {
        const order = orderEntries(await listEntries(root, ''), [])
        await writeTextAtomic(await containedPath(root, manifestPath('')), serializeManifest({ name: display, order, variables }))
      }
      return loadTree(root)
    })
  }

  readRequest(folder: string, path: string): Promise<SavedRequest> {
    return this.serial(folder, (root) => readRequestAt(root, path))
  }

  /** Creates or overwrites a request. Literal credentials are replaced by placeholders and listed in the result. */
  saveRequest(folder: string, input: SaveInput): Promise<SaveResult> {
    return this.serial(folder, (root) => saveRequest(root, input, this.newId))
  }

  renameRequest(folder: string, path: string, name: string): Promise<MutationResult> {
    return this.serial(folder, (root) => renameRequest(root, path, name))
  }

  moveRequest(folder: string, path: string, toFolder: string, index?: number): Promise<MutationResult> {
    return this.serial(folder, (root) => moveRequest(root, path, toFolder, index))
  }

  duplicateRequest(folder: string, path: string): Promise<MutationResult & { id: string }> {
    return this.serial(folder, (root) => duplicateRequest(root, path, this.newId))
  }

  deleteRequest(folder: string, path: string): Promise<MutationResult> {
    return this.serial(folder, (root) => deleteRequest(root, path))
  }

  createFolder(folder: string, parent: string, name: string, index?: number): Promise<MutationResult> {
    return this.serial(folder, (root) => createFolder(root, parent, name, index))
  }

  renameFolder(folder: string, path: string, name: string): Promise<MutationResult> {
    return this.serial(folder, (root) => renameFolder(root, path, name))
  }

  moveFolder(folder: string, path: string, toParent: string, index?: number): Promise<MutationResult> {
    return this.serial(folder, (root) => moveFolder(root, path, toParent, index))
  }

  duplicateFolder(folder: string, path: string): Promise<MutationResult> {
    return this.serial(folder, (root) => duplicateFolder(root, path, this.newId))
  }

  deleteFolder(folder: string, path: string): Promise<MutationResult> {
    return this.serial(folder, (root) => deleteFolder(root, path))
  }
}
