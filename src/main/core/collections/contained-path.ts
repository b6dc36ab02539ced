import { lstat, realpath } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { AppError } from '@shared/model/errors'
import { splitRelative } from './paths'

/** True when `candidate` is `root` itself or below it (both absolute and already resolved). */
export function pathInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

function missing(error: unknown): null {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT' || code === 'ENOTDIR') return null
  throw error
}

/**
 * The absolute path of `relativePath` in the collection folder `root`, once no symlink on the way leads out of it.
 * splitRelative already refuses "..", absolute and hidden names; this catches a link (to a folder or a file, or a
 * dangling one) that would make a save, delete or read land outside, e.g. `linked -> /home/me/.ssh`. Each existing
 * segment is lstat-ed; a symlink's real target must be inside the collection's real path (links that stay inside
 * keep working). Below the first missing segment nothing exists, so whatever is created there stays inside.
 */
export async function containedPath(root: string, relativePath: string): Promise<string> {
  const segments = splitRelative(relativePath)
  const target = join(root, ...segments)
  if (segments.length === 0) return target
  const realRoot = await realpath(root).catch(missing)
  if (realRoot === null) throw new AppError('NOT_FOUND', `Collection folder "${root}" does not exist.`)
  let current = root
  for (const segment of segments) {
    current = join(current, segment)
    const info = await lstat(current).catch(missing)
    if (info === null) break
    if (!info.isSymbolicLink()) continue
    const real = await realpath(current).catch(missing)
    if (real === null || !pathInside(realRoot, real)) {
      throw new AppError(
        'INVALID_INPUT',
        `"${relativePath}" is a symbolic link (or goes through one) to a place outside the collection; it was not used.`,
        'Replace the link with a real file or folder inside the collection.'
      )
    }
  }
  return target
}
