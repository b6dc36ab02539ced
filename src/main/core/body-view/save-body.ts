import { randomBytes } from 'node:crypto'
import { copyFile, open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { AppError } from '@shared/model/errors'
import type { StoredBody } from '../stored-body/stored-body'

/**
 * Copies a kept body to `path` (main to disk, never through the renderer): into a temp file beside the target,
 * fsynced, then renamed over it, so an interrupted save never leaves a torn file. Returns the bytes written.
 */
export async function saveBody(body: StoredBody, path: string): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    if (body.kind === 'file') await copyFile(body.path, temp)
    const handle = await open(temp, body.kind === 'file' ? 'r+' : 'w', 0o644)
    try {
      if (body.kind === 'memory') await handle.writeFile(body.data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))
    throw code === 'ENOENT' && body.kind === 'file'
      ? new AppError('NOT_FOUND', `Could not save the body to ${path}: the folder or the body's temp file is gone (${code}).`)
      : new AppError('INTERNAL', `Could not save the body to ${path} (${code}).`)
  }
  return body.size
}
