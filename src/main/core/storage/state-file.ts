import { access, rename } from 'node:fs/promises'
import { join } from 'node:path'
import type { z } from 'zod'
import { removeStaleTemps } from './json-file'

/**
 * A JSON state file kept by electron-store in the app (src/main/platform/electron-state-file.ts) or by conf, the
 * engine electron-store is built on, everywhere else (src/main/core/storage/conf-state-file.ts). Both write
 * atomically (temp file + rename) and run `migrations` newer than the version recorded in the file. Core sees only
 * this much of them, so it stays free of electron.
 */
export interface StateFile {
  readonly path: string
  store: Record<string, unknown>
}

/** What a migration may do to the stored object (conf's own store API, a subset). */
export interface MigrationStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
}

/** The options both engines get, the same in the app and in tests. */
export interface StateFileOptions {
  cwd: string
  configName: string
  /** The state format's version; migrations up to it run once per file. */
  projectVersion: string
  migrations: Record<string, (store: MigrationStore) => void>
  /** Never: a corrupt file is moved aside and reported (openState below), not silently emptied. */
  clearInvalidConfig: false
  accessPropertiesByDotNotation: false
  configFileMode: number
}

export type OpenStateFile = (options: StateFileOptions) => StateFile

export interface StateSpec<S extends z.ZodType> {
  cwd: string
  /** The file is `<cwd>/<name>.json`. */
  name: string
  version: string
  migrations?: StateFileOptions['migrations']
  schema: S
  defaults: z.output<S>
  /** What the user calls it in a notice ("Settings file"). */
  what: string
}

export interface State<T> {
  get(): T
  /** Validates, then writes the whole value (atomically, by the engine). */
  set(value: T): T
}

/**
 * Opens a state file and validates it. A file that is not JSON or does not match the schema is moved aside with a
 * timestamp, reported in `notices`, and replaced by the defaults; it is never overwritten in place.
 */
export async function openState<S extends z.ZodType>(open: OpenStateFile, spec: StateSpec<S>, notices: string[]): Promise<State<z.output<S>>> {
  const options: StateFileOptions = {
    cwd: spec.cwd,
    configName: spec.name,
    projectVersion: spec.version,
    migrations: spec.migrations ?? {},
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    configFileMode: 0o600
  }
  const path = join(spec.cwd, `${spec.name}.json`)
  const moveAside = async (reason: string): Promise<StateFile> => {
    const movedTo = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`
    await rename(path, movedTo)
    notices.push(`${spec.what} was unreadable (${reason}); it was moved to ${movedTo} and defaults are used.`)
    const fresh = open(options)
    fresh.store = spec.schema.parse(spec.defaults) as Record<string, unknown>
    return fresh
  }

  await removeStaleTemps(path)
  const existed = await access(path).then(() => true, () => false)
  let file: StateFile
  let raw: unknown
  try {
    file = open(options)
    raw = file.store
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error
    file = await moveAside(`not valid JSON: ${error.message}`)
    raw = file.store
  }
  let current: z.output<S>
  const parsed = spec.schema.safeParse(raw)
  if (parsed.success) current = parsed.data
  else if (!existed) {
    // A first start: nothing to move aside.
    current = spec.schema.parse(spec.defaults)
    file.store = current as Record<string, unknown>
  } else {
    const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
    file = await moveAside(reason)
    current = spec.schema.parse(spec.defaults)
  }
  const opened = file
  return {
    get: () => current,
    set(value) {
      const next = spec.schema.parse(value)
      opened.store = next as Record<string, unknown>
      current = next
      return next
    }
  }
}
