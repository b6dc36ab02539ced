import { readdir } from 'node:fs/promises'
import { basename } from 'node:path'
import { COLLECTION_MANIFEST, FOLDER_MANIFEST, REQUEST_FILE_SUFFIX, type FolderManifest } from '@shared/collections/saved-request'
import { parseManifestText, serializeManifest } from './files'
import { orderEntries } from './load-tree'
import { isValidSegment, joinRelative } from './paths'
import { containedPath } from './contained-path'
import { readTextIfExists, writeTextAtomic } from './text-file'

export type ManifestRead =
  | { state: 'ok'; manifest: FolderManifest }
  | { state: 'missing' }
  | { state: 'corrupt'; reason: string }

export function manifestPath(folder: string): string {
  return joinRelative(folder, folder === '' ? COLLECTION_MANIFEST : FOLDER_MANIFEST)
}

export async function readManifest(root: string, folder: string): Promise<ManifestRead> {
  const text = await readTextIfExists(await containedPath(root, manifestPath(folder)))
  if (text === null) return { state: 'missing' }
  const parsed = parseManifestText(text)
  return parsed.ok ? { state: 'ok', manifest: parsed.value } : { state: 'corrupt', reason: parsed.reason }
}

/** Entry names shown in a folder (request files and sub-folders), as the loader sees them. */
export async function listEntries(root: string, folder: string): Promise<string[]> {
  const entries = await readdir(await containedPath(root, folder), { withFileTypes: true })
  return entries
    .filter((entry) => isValidSegment(entry.name))
    .filter((entry) => entry.isDirectory() || (entry.isFile() && entry.name.endsWith(REQUEST_FILE_SUFFIX)))
    .map((entry) => entry.name)
}

/** Moves (or inserts) `name` to `index` (end when undefined) in `order`. */
export function place(order: string[], name: string, index?: number): string[] {
  const rest = order.filter((entry) => entry !== name)
  const at = index === undefined ? rest.length : Math.max(0, Math.min(index, rest.length))
  return [...rest.slice(0, at), name, ...rest.slice(at)]
}

/**
 * Rewrites a folder's manifest with an edited order (pruned of names that no longer exist, completed with
 * unlisted ones; `renamed` maps an entry's old name to its new one). A manifest that does not parse is never rewritten: the edit is skipped and a warning says so.
 */
export async function editOrder(
  root: string,
  folder: string,
  edit: (order: string[]) => string[],
  warnings: string[],
  options: { name?: string; renamed?: readonly [from: string, to: string] } = {}
): Promise<void> {
  const current = await readManifest(root, folder)
  if (current.state === 'corrupt') {
    warnings.push(`${manifestPath(folder)} does not parse (${current.reason}); it was left unchanged, so the order or name was not saved.`)
    return
  }
  const names = await listEntries(root, folder)
  const fallbackName = basename(await containedPath(root, folder)) || 'Collection'
  const manifest = current.state === 'ok' ? current.manifest : { name: fallbackName, order: [] }
  // A renamed entry keeps its place: map the old name before stale names are pruned.
  const renamed = options.renamed
  const listed = renamed ? manifest.order.map((entry) => (entry === renamed[0] ? renamed[1] : entry)) : manifest.order
  const order = edit(orderEntries(names, listed))
  const text = serializeManifest({ name: options.name ?? manifest.name, order, variables: current.state === 'ok' ? current.manifest.variables : undefined })
  await writeTextAtomic(await containedPath(root, manifestPath(folder)), text)
}
