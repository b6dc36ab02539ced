import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
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
  await removeStaleTemps(path)
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

/** A temp file this old cannot belong to a write still in progress. */
const STALE_TEMP_MS = 60_000

/**
 * Temp files of writes cut short by a crash are never read as data, but would pile up; files are opened once at
 * start, so the ones old enough to be orphans are removed then. Two namings: this file's writer
 * (`.<name>.<12 hex>.tmp`) and conf's (`<name>.tmp-<10 digits><6 hex>`, from its `atomically` dependency).
 */
export async function removeStaleTemps(path: string): Promise<void> {
  const name = basename(path)
  const ours = (candidate: string): boolean => candidate.startsWith(`.${name}.`) && /^[0-9a-f]{12}\.tmp$/.test(candidate.slice(name.length + 2))
  const conf = (candidate: string): boolean => candidate.startsWith(`${name}.tmp-`) && /^\d{10}[0-9a-f]{6}$/.test(candidate.slice(name.length + 5))
  const names = await readdir(dirname(path)).catch(() => [])
  for (const candidate of names) {
    if (!ours(candidate) && !conf(candidate)) continue
    const temp = join(dirname(path), candidate)
    const info = await stat(temp).catch(() => null)
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) await unlink(temp).catch(() => undefined)
  }
}
