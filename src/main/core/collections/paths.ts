import { join } from 'node:path'
import { AppError } from '@shared/model/errors'

/**
 * Collection paths are relative, '/'-separated and must stay inside the collection folder: a path from the
 * renderer can never reach "..", an absolute path or a hidden file.
 */
export function splitRelative(path: string): string[] {
  if (path === '') return []
  const segments = path.split('/')
  if (!segments.every(isValidSegment)) {
    throw new AppError('INVALID_INPUT', `"${path}" is not a valid path inside the collection.`)
  }
  return segments
}

/** One file or folder name: not empty, not hidden, no separators or characters Windows cannot store. */
export function isValidSegment(segment: string): boolean {
  return segment !== '' && !segment.startsWith('.') && !/[\\/\0:*?"<>|]/.test(segment) && segment.length <= 255
}

export function resolveInside(root: string, relative: string): string {
  return join(root, ...splitRelative(relative))
}

export function parentOf(relative: string): string {
  const at = relative.lastIndexOf('/')
  return at < 0 ? '' : relative.slice(0, at)
}

export function baseOf(relative: string): string {
  return relative.slice(relative.lastIndexOf('/') + 1)
}

export function joinRelative(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`
}
