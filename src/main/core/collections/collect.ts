import type { CollectionNode, CollectionProblem, SavedRequest } from '@shared/collections/saved-request'
import { REQUEST_FILE_SUFFIX } from '@shared/collections/saved-request'
import { AppError } from '@shared/model/errors'
import type { CollectionRepository } from './repository'

export interface LoadedRequest {
  type: 'request'
  path: string
  saved: SavedRequest
}

export interface LoadedFolder {
  type: 'folder'
  path: string
  name: string
  children: Array<LoadedFolder | LoadedRequest>
}

export interface LoadedCollection {
  name: string
  root: LoadedFolder
  /** Files skipped because they do not parse (also shown in the collection listing). */
  problems: CollectionProblem[]
}

function findNode(children: CollectionNode[], path: string): CollectionNode | undefined {
  for (const child of children) {
    if (child.path === path) return child
    if (child.type === 'folder' && path.startsWith(`${child.path}/`)) return findNode(child.children, path)
  }
  return undefined
}

/** Reads a whole collection, or one folder or request of it (`path`), with every request parsed, for export. */
export async function loadForExport(repo: CollectionRepository, folder: string, path = ''): Promise<LoadedCollection> {
  const tree = await repo.open(folder)
  const start: CollectionNode | undefined = path === '' ? tree.root : findNode(tree.root.children, path)
  if (!start) {
    const kind = path.endsWith(REQUEST_FILE_SUFFIX) ? 'Request' : 'Folder'
    throw new AppError('NOT_FOUND', `${kind} "${path}" is not in the collection (or its file does not parse).`)
  }
  const load = async (node: CollectionNode): Promise<LoadedFolder | LoadedRequest> => {
    if (node.type === 'request') return { type: 'request', path: node.path, saved: await repo.readRequest(folder, node.path) }
    const children: Array<LoadedFolder | LoadedRequest> = []
    for (const child of node.children) children.push(await load(child))
    return { type: 'folder', path: node.path, name: node.name, children }
  }
  const loaded = await load(start)
  const root: LoadedFolder = loaded.type === 'folder' ? loaded : { type: 'folder', path: '', name: tree.name, children: [loaded] }
  const inside = (problem: CollectionProblem): boolean => path === '' || problem.path === path || problem.path.startsWith(`${path}/`)
  return { name: start.type === 'folder' && path !== '' ? start.name : tree.name, root, problems: tree.problems.filter(inside) }
}

export function flattenRequests(folder: LoadedFolder): LoadedRequest[] {
  return folder.children.flatMap((child) => (child.type === 'folder' ? flattenRequests(child) : [child]))
}
