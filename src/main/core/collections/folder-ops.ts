import { cp, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { FOLDER_MANIFEST, REQUEST_FILE_SUFFIX } from '@shared/collections/saved-request'
import { slugify, uniqueName } from '@shared/collections/slug'
import { AppError } from '@shared/model/errors'
import { parseRequestText, serializeManifest, serializeRequest } from './files'
import { editOrder, listEntries, place, readManifest } from './manifests'
import { baseOf, joinRelative, parentOf } from './paths'
import { containedPath } from './contained-path'
import { requireFolder, type MutationResult } from './request-ops'
import { readTextIfExists, writeTextAtomic } from './text-file'

function requireSubfolder(path: string): void {
  if (path === '') throw new AppError('INVALID_INPUT', 'The collection root cannot be renamed, moved, duplicated or deleted this way.')
}

function requireName(name: string): string {
  const trimmed = name.trim()
  if (trimmed === '' || trimmed.length > 200) throw new AppError('INVALID_INPUT', 'A folder name must have 1 to 200 characters.')
  return trimmed
}

async function freeFolderName(root: string, parent: string, name: string, except?: string): Promise<string> {
  const taken = (await listEntries(root, parent)).filter((entry) => entry !== except)
  return uniqueName(slugify(name, 'folder'), '', taken)
}

export async function createFolder(root: string, parent: string, name: string, index?: number): Promise<MutationResult> {
  const display = requireName(name)
  await requireFolder(root, parent)
  const dir = await freeFolderName(root, parent, display)
  const path = joinRelative(parent, dir)
  await mkdir(await containedPath(root, path))
  await writeTextAtomic(await containedPath(root, joinRelative(path, FOLDER_MANIFEST)), serializeManifest({ name: display, order: [] }))
  const warnings: string[] = []
  await editOrder(root, parent, (order) => place(order, dir, index), warnings)
  return { path, warnings }
}

export async function renameFolder(root: string, path: string, name: string): Promise<MutationResult> {
  requireSubfolder(path)
  const display = requireName(name)
  await requireFolder(root, path)
  const parent = parentOf(path)
  const oldDir = baseOf(path)
  const newDir = await freeFolderName(root, parent, display, oldDir)
  const newPath = joinRelative(parent, newDir)
  const warnings: string[] = []
  if (newDir !== oldDir) {
    await rename(await containedPath(root, path), await containedPath(root, newPath))
    await editOrder(root, parent, (order) => order, warnings, { renamed: [oldDir, newDir] })
  }
  await editOrder(root, newPath, (order) => order, warnings, { name: display })
  return { path: newPath, warnings }
}

export async function moveFolder(root: string, path: string, toParent: string, index?: number): Promise<MutationResult> {
  requireSubfolder(path)
  await requireFolder(root, path)
  await requireFolder(root, toParent)
  if (toParent === path || toParent.startsWith(`${path}/`)) {
    throw new AppError('INVALID_INPUT', `Folder "${path}" cannot be moved into itself.`)
  }
  const from = parentOf(path)
  const oldDir = baseOf(path)
  const warnings: string[] = []
  if (from === toParent) {
    await editOrder(root, from, (order) => place(order, oldDir, index), warnings)
    return { path, warnings }
  }
  const newDir = uniqueName(oldDir, '', await listEntries(root, toParent))
  const newPath = joinRelative(toParent, newDir)
  await rename(await containedPath(root, path), await containedPath(root, newPath))
  await editOrder(root, from, (order) => order.filter((entry) => entry !== oldDir), warnings)
  await editOrder(root, toParent, (order) => place(order, newDir, index), warnings)
  return { path: newPath, warnings }
}

export async function deleteFolder(root: string, path: string): Promise<MutationResult> {
  requireSubfolder(path)
  await requireFolder(root, path)
  await rm(await containedPath(root, path), { recursive: true })
  const warnings: string[] = []
  await editOrder(root, parentOf(path), (order) => order.filter((entry) => entry !== baseOf(path)), warnings)
  return { path, warnings }
}

/** Gives every parsable request under `folder` a new id, so a copy does not share ids with its original. */
async function renewIds(root: string, folder: string, newId: () => string): Promise<void> {
  const entries = await readdir(await containedPath(root, folder), { withFileTypes: true })
  for (const entry of entries) {
    const path = joinRelative(folder, entry.name)
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) await renewIds(root, path, newId)
    else if (entry.isFile() && entry.name.endsWith(REQUEST_FILE_SUFFIX)) {
      const text = await readTextIfExists(await containedPath(root, path))
      const parsed = text === null ? null : parseRequestText(text)
      // A copied file that does not parse keeps its bytes: it is reported on the next listing like the original.
      if (parsed?.ok) await writeTextAtomic(await containedPath(root, path), serializeRequest({ ...parsed.value, id: newId() }))
    }
  }
}

export async function duplicateFolder(root: string, path: string, newId: () => string): Promise<MutationResult> {
  requireSubfolder(path)
  await requireFolder(root, path)
  const parent = parentOf(path)
  const manifest = await readManifest(root, path)
  const name = `${manifest.state === 'ok' ? manifest.manifest.name : baseOf(path)} copy`.slice(0, 200)
  const newDir = await freeFolderName(root, parent, name)
  const newPath = joinRelative(parent, newDir)
  // Copy into a hidden staging name first, so a half-finished copy is never listed as a folder.
  const stagingAbs = join(await containedPath(root, parent), `.${newDir}.copying`)
  await cp(await containedPath(root, path), stagingAbs, { recursive: true, errorOnExist: true, force: false })
  await rename(stagingAbs, await containedPath(root, newPath))
  await renewIds(root, newPath, newId)
  const warnings: string[] = []
  await editOrder(root, newPath, (order) => order, warnings, { name })
  await editOrder(root, parent, (order) => place(order, newDir, order.indexOf(baseOf(path)) + 1), warnings)
  return { path: newPath, warnings }
}
