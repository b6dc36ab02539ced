import { readFile } from 'node:fs/promises'
import { writeTextAtomic as writeAtomic } from '../storage/json-file'

/** Atomic write (storage/json-file.ts) with mode 0644: collection files are meant to be shared and committed. */
export function writeTextAtomic(path: string, text: string, mode = 0o644): Promise<void> {
  return writeAtomic(path, text, mode)
}

/** The file's text, or null when it does not exist. Other errors (permissions, a directory) propagate. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

/** Runs async tasks with at most `limit` in flight; used so opening a big collection does not exhaust file handles. */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await task()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
