import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'

/**
 * Writes text atomically: a temp file in the same folder is written, fsynced and renamed over the target, so a
 * crash leaves either the old or the new file, never a torn one. Default mode 0600: app data is private.
 */
export async function writeTextAtomic(path: string, text: string, mode = 0o600): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'w', mode)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

export function writeJsonAtomic(path: string, data: unknown): Promise<void> {
  return writeTextAtomic(path, JSON.stringify(data, null, 2) + '\n')
}

export type ReadOutcome<T> =
  | { kind: 'missing' }
  | { kind: 'ok'; value: T }
  /** The file did not parse or validate; it was moved to `movedTo` and the caller starts from defaults. */
  | { kind: 'corrupt'; movedTo: string; reason: string }

/**
 * Reads and validates a JSON file. A corrupt file is never overwritten silently: it is renamed aside with a
 * timestamp and reported, so the user can recover it.
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<ReadOutcome<z.output<S>>> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' }
    throw error
  }
  let reason: string
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    if (parsed.success) return { kind: 'ok', value: parsed.data }
    reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
  } catch (error) {
    reason = `not valid JSON: ${(error as Error).message}`
  }
  const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
  await rename(path, movedTo)
  return { kind: 'corrupt', movedTo, reason }
}
