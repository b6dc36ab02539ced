import { readdir, readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  COLLECTION_MANIFEST,
  FOLDER_MANIFEST,
  REQUEST_FILE_SUFFIX,
  type CollectionNode,
  type CollectionProblem,
  type CollectionTree,
  type FolderManifest,
  type FolderNode
} from '@shared/collections/saved-request'
import { parseManifestText, parseRequestText } from './files'
import { containedPath } from './contained-path'
import { joinRelative, pathSegmentProblem } from './paths'
import { createLimiter } from './text-file'

/** Deeper nesting than this is almost certainly a symlink loop or a wrong folder; it is reported, not walked. */
const MAX_DEPTH = 32
/** Concurrent file reads: enough to hide disk latency, few enough to stay clear of EMFILE. */
const READ_CONCURRENCY = 32

type ManifestState = { state: 'ok'; manifest: FolderManifest } | { state: 'missing' } | { state: 'corrupt' }

interface LoadContext {
  root: string
  problems: CollectionProblem[]
  read: <T>(task: () => Promise<T>) => Promise<T>
  requestCount: number
}

async function readManifest(context: LoadContext, folder: string, file: string): Promise<ManifestState> {
  const relative = joinRelative(folder, file)
  let text: string
  try {
    text = await context.read(async () => readFile(await containedPath(context.root, relative), 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    context.problems.push({ path: relative, reason: `cannot be read: ${(error as Error).message}` })
    return { state: 'corrupt' }
  }
  const parsed = parseManifestText(text)
  if (parsed.ok) return { state: 'ok', manifest: parsed.value }
  context.problems.push({ path: relative, reason: parsed.reason })
  return { state: 'corrupt' }
}

async function loadRequest(context: LoadContext, path: string): Promise<CollectionNode | null> {
  let text: string
  try {
    text = await context.read(async () => readFile(await containedPath(context.root, path), 'utf8'))
  } catch (error) {
    context.problems.push({ path, reason: `cannot be read: ${(error as Error).message}` })
    return null
  }
  const parsed = parseRequestText(text)
  if (!parsed.ok) {
    context.problems.push({ path, reason: parsed.reason })
    return null
  }
  context.requestCount++
  const saved = parsed.value
  const { method, url } = saved.request
  return { type: 'request', path, id: saved.id, name: saved.name, method, url, operationId: saved.operationId }
}

/** Listed entries first, in manifest order; then the rest by name (e.g. files added by a git merge). */
export function orderEntries(names: string[], order: readonly string[]): string[] {
  const present = new Set(names)
  const listed = order.filter((name, index) => present.has(name) && order.indexOf(name) === index)
  const listedSet = new Set(listed)
  const rest = names.filter((name) => !listedSet.has(name)).sort((a, b) => a.localeCompare(b, 'en'))
  return [...listed, ...rest]
}

async function loadFolder(context: LoadContext, folder: string, depth: number): Promise<FolderNode & { manifestState: ManifestState['state'] }> {
  const absolute = await containedPath(context.root, folder)
  const manifestFile = folder === '' ? COLLECTION_MANIFEST : FOLDER_MANIFEST
  const [entries, manifest] = await Promise.all([
    readdir(absolute, { withFileTypes: true }),
    readManifest(context, folder, manifestFile)
  ])
  const fallbackName = basename(absolute) || 'Collection'
  const name = manifest.state === 'ok' ? manifest.manifest.name : fallbackName
  const kinds = new Map<string, 'request' | 'folder'>()
  for (const entry of entries) {
    // Dotfiles cover .git, editor swap files and our own atomic-write temp files; symlinks are not followed.
    if (entry.name.startsWith('.')) continue
    const problem = pathSegmentProblem(entry.name)
    if (problem !== null) {
      context.problems.push({ path: joinRelative(folder, entry.name), reason: `${problem}; skipped` })
      continue
    }
    if (entry.isDirectory()) kinds.set(entry.name, 'folder')
    else if (entry.isFile() && entry.name.endsWith(REQUEST_FILE_SUFFIX)) kinds.set(entry.name, 'request')
  }
  const ordered = orderEntries([...kinds.keys()], manifest.state === 'ok' ? manifest.manifest.order : [])
  const children = await Promise.all(
    ordered.map(async (entryName): Promise<CollectionNode | null> => {
      const path = joinRelative(folder, entryName)
      if (kinds.get(entryName) === 'request') return loadRequest(context, path)
      if (depth >= MAX_DEPTH) {
        context.problems.push({ path, reason: `nested deeper than ${MAX_DEPTH} folders; not opened` })
        return null
      }
      const { manifestState: _state, ...node } = await loadFolder(context, path, depth + 1)
      return node
    })
  )
  return {
    type: 'folder',
    path: folder,
    name,
    children: children.filter((child): child is CollectionNode => child !== null),
    manifestState: manifest.state
  }
}

/** Reads a collection folder: every request file in parallel (bounded), problems collected instead of thrown. */
export async function loadTree(root: string): Promise<CollectionTree> {
  const context: LoadContext = { root, problems: [], read: createLimiter(READ_CONCURRENCY), requestCount: 0 }
  const { manifestState, ...rootNode } = await loadFolder(context, '', 0)
  context.problems.sort((a, b) => a.path.localeCompare(b.path, 'en'))
  return {
    folder: root,
    name: rootNode.name,
    manifest: manifestState,
    root: rootNode,
    problems: context.problems,
    requestCount: context.requestCount
  }
}
