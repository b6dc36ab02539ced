import { lstat, mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '@shared/model/errors'

/** A folder only this user can open, for response bodies spilled to disk; removed when the app quits. */
export interface PrivateTempDir {
  path: string
  remove(): Promise<void>
}

/**
 * A fresh folder under `parent` (the OS temp folder). The name used to be the predictable
 * <temp>/cloudsec-api-explorer-<pid>, which another local user could create first (or point elsewhere with a link)
 * and then read every response body. mkdtemp picks an unguessable name and creates the folder 0700; the check after
 * it makes sure that is what we got before anything is written there.
 */
export async function createPrivateTempDir(parent: string, prefix: string): Promise<PrivateTempDir> {
  let path: string
  try {
    path = await mkdtemp(join(parent, prefix))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new AppError('INTERNAL', `Cannot create a private folder for response bodies in ${parent} (${code}).`)
  }
  try {
    await assertPrivateDirectory(path)
  } catch (error) {
    await rm(path, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/** Throws unless `path` is a real folder (not a link) owned by this user, with no access for group or others. */
export async function assertPrivateDirectory(path: string): Promise<void> {
  const info = await lstat(path)
  if (!info.isDirectory()) throw refused(path, 'it is not a folder (a link or a file)')
  // Windows has no POSIX owner or mode bits (ACLs instead); there mkdtemp's folder sits in the user's own profile.
  if (process.platform === 'win32') return
  const uid = process.getuid?.()
  if (uid !== undefined && info.uid !== uid) throw refused(path, `it belongs to user id ${info.uid}, not ${uid}`)
  const mode = info.mode & 0o777
  if ((mode & 0o077) !== 0) throw refused(path, `other users can open it (mode 0${mode.toString(8)})`)
}

function refused(path: string, why: string): AppError {
  return new AppError('INTERNAL', `Response bodies are not written to ${path}: ${why}.`)
}
