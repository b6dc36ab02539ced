import { rename, stat, unlink } from 'node:fs/promises'
import { REQUEST_FILE_SUFFIX, SavedRequestSchema, type SavedRequest, type SavedRequestInput } from '@shared/collections/saved-request'
import { stripRequestSecrets, type SecretReplacement } from '@shared/collections/secrets'
import { slugify, uniqueName } from '@shared/collections/slug'
import { AppError } from '@shared/model/errors'
import { parseRequestText, serializeRequest } from './files'
import { editOrder, listEntries, place } from './manifests'
import { baseOf, joinRelative, parentOf } from './paths'
import { containedPath } from './contained-path'
import { readTextIfExists, writeTextAtomic } from './text-file'

export interface MutationResult {
  /** Path of the item after the operation, relative to the collection folder. */
  path: string
  /** Non-fatal notes, e.g. a folder manifest that does not parse and so was not updated. */
  warnings: string[]
}

export interface SaveResult extends MutationResult {
  saved: SavedRequest
  /** Credentials that were replaced by `{{secret.NAME}}` placeholders instead of being written to disk. */
  replacedSecrets: SecretReplacement[]
}

export function requireRequestPath(path: string): void {
  if (!path.endsWith(REQUEST_FILE_SUFFIX)) {
    throw new AppError('INVALID_INPUT', `"${path}" is not a request file (expected a name ending in ${REQUEST_FILE_SUFFIX}).`)
  }
}

/** Reads and validates a request; a file that does not parse is an error and stays untouched. */
export async function readRequestAt(root: string, path: string): Promise<SavedRequest> {
  requireRequestPath(path)
  const text = await readTextIfExists(await containedPath(root, path))
  if (text === null) throw new AppError('NOT_FOUND', `Request file "${path}" does not exist in the collection.`)
  const parsed = parseRequestText(text)
  if (!parsed.ok) {
    throw new AppError('INVALID_INPUT', `Request file "${path}" does not parse: ${parsed.reason}. It was left unchanged.`, 'Fix it in a text editor or delete it.')
  }
  return parsed.value
}

export async function requireFolder(root: string, folder: string): Promise<void> {
  const info = await stat(await containedPath(root, folder)).catch(() => null)
  if (!info?.isDirectory()) throw new AppError('NOT_FOUND', `Folder "${folder || '(root)'}" does not exist in the collection.`)
}

async function freeRequestName(root: string, folder: string, name: string, except?: string): Promise<string> {
  const taken = (await listEntries(root, folder)).filter((entry) => entry !== except)
  return uniqueName(slugify(name, 'request'), REQUEST_FILE_SUFFIX, taken)
}

function validate(saved: unknown): SavedRequest {
  const parsed = SavedRequestSchema.safeParse(saved)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  throw new AppError('INVALID_INPUT', `The request cannot be saved: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}.`)
}

export interface SaveInput {
  /** Existing file to overwrite; when absent a new file is created in `folder`. */
  path?: string
  folder?: string
  /** Position in the folder for a new file (end when absent). */
  index?: number
  /** Validated here (the IPC layer may pass it through unchecked); a missing or empty id gets a new one. */
  request: Omit<SavedRequestInput, 'id'> & { id?: string }
}

export async function saveRequest(root: string, input: SaveInput, newId: () => string): Promise<SaveResult> {
  const valid = validate({ ...input.request, id: input.request.id || newId() })
  const { request, replaced } = stripRequestSecrets(valid.request)
  const saved: SavedRequest = { ...valid, request }
  const warnings: string[] = []
  let path: string
  if (input.path !== undefined) {
    requireRequestPath(input.path)
    path = input.path
    await requireFolder(root, parentOf(path))
    const existing = await readTextIfExists(await containedPath(root, path))
    if (existing !== null && !parseRequestText(existing).ok) {
      throw new AppError('INVALID_INPUT', `Request file "${path}" does not parse, so it was not overwritten.`, 'Fix or delete the file first, or save as a new request.')
    }
    await writeTextAtomic(await containedPath(root, path), serializeRequest(saved))
    if (existing === null) await editOrder(root, parentOf(path), (order) => place(order, baseOf(path), input.index), warnings)
  } else {
    const folder = input.folder ?? ''
    await requireFolder(root, folder)
    const file = await freeRequestName(root, folder, saved.name)
    path = joinRelative(folder, file)
    await writeTextAtomic(await containedPath(root, path), serializeRequest(saved))
    await editOrder(root, folder, (order) => place(order, file, input.index), warnings)
  }
  return { path, saved, replacedSecrets: replaced, warnings }
}

/** Renames the display name and the file (so the file name keeps matching what the user sees). */
export async function renameRequest(root: string, path: string, name: string): Promise<MutationResult> {
  const saved = await readRequestAt(root, path)
  const next = validate({ ...saved, name })
  const folder = parentOf(path)
  const oldFile = baseOf(path)
  const newFile = await freeRequestName(root, folder, next.name, oldFile)
  const newPath = joinRelative(folder, newFile)
  const warnings: string[] = []
  if (newFile !== oldFile) {
    // Rename first (atomic), then rewrite: a crash in between leaves one file with the old name inside, not two files.
    await rename(await containedPath(root, path), await containedPath(root, newPath))
    await editOrder(root, folder, (order) => order, warnings, { renamed: [oldFile, newFile] })
  }
  await writeTextAtomic(await containedPath(root, newPath), serializeRequest(next))
  return { path: newPath, warnings }
}

/** Moves a request file (even one that does not parse: its bytes are not touched) to another folder. */
export async function moveRequest(root: string, path: string, toFolder: string, index?: number): Promise<MutationResult> {
  requireRequestPath(path)
  await requireFolder(root, toFolder)
  const from = parentOf(path)
  const oldFile = baseOf(path)
  if ((await readTextIfExists(await containedPath(root, path))) === null) {
    throw new AppError('NOT_FOUND', `Request file "${path}" does not exist in the collection.`)
  }
  const warnings: string[] = []
  if (from === toFolder) {
    await editOrder(root, from, (order) => place(order, oldFile, index), warnings)
    return { path, warnings }
  }
  const stem = oldFile.slice(0, -REQUEST_FILE_SUFFIX.length)
  const newFile = uniqueName(stem, REQUEST_FILE_SUFFIX, await listEntries(root, toFolder))
  const newPath = joinRelative(toFolder, newFile)
  await rename(await containedPath(root, path), await containedPath(root, newPath))
  await editOrder(root, from, (order) => order.filter((entry) => entry !== oldFile), warnings)
  await editOrder(root, toFolder, (order) => place(order, newFile, index), warnings)
  return { path: newPath, warnings }
}

export async function duplicateRequest(root: string, path: string, newId: () => string): Promise<MutationResult & { id: string }> {
  const saved = await readRequestAt(root, path)
  const copy: SavedRequest = { ...saved, id: newId(), name: `${saved.name} copy`.slice(0, 200) }
  const folder = parentOf(path)
  const file = await freeRequestName(root, folder, copy.name)
  const newPath = joinRelative(folder, file)
  await writeTextAtomic(await containedPath(root, newPath), serializeRequest(copy))
  const warnings: string[] = []
  await editOrder(root, folder, (order) => place(order, file, order.indexOf(baseOf(path)) + 1), warnings)
  return { path: newPath, id: copy.id, warnings }
}

export async function deleteRequest(root: string, path: string): Promise<MutationResult> {
  requireRequestPath(path)
  try {
    await unlink(await containedPath(root, path))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new AppError('NOT_FOUND', `Request file "${path}" does not exist in the collection.`)
    }
    throw error
  }
  const warnings: string[] = []
  await editOrder(root, parentOf(path), (order) => order.filter((entry) => entry !== baseOf(path)), warnings)
  return { path, warnings }
}
