import { segmentProblem } from '@shared/collections/portable-names'
import { AppError } from '@shared/model/errors'

/**
 * Collection paths are relative, '/'-separated and must stay inside the collection folder: a path from the
 * renderer can never reach "..", an absolute path or a hidden file.
 */
export function splitRelative(path: string): string[] {
  if (path === '') return []
  const segments = path.split('/')
  for (const segment of segments) {
    const problem = pathSegmentProblem(segment)
    if (problem !== null) throw new AppError('INVALID_INPUT', `"${path}" is not a valid path inside the collection: ${problem}.`)
  }
  return segments
}

/** Why one file or folder name cannot be in a collection: hidden (ours: .git, temp files), or not portable. */
export function pathSegmentProblem(segment: string): string | null {
  if (segment.startsWith('.')) return 'a name cannot start with a dot'
  return segmentProblem(segment)
}

export function isValidSegment(segment: string): boolean {
  return pathSegmentProblem(segment) === null
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
