import { randomUUID } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import type { Environment } from '@shared/model/environment'
import { AppError } from '@shared/model/errors'
import type { AppCore } from '../app-core'
import { createEnvironmentManager } from '../environment-manager'
import { parsePostmanEnvironment } from './postman-environment'

const MAX_BYTES = 5 * 1024 * 1024
/** Values waiting for the user's answer are forgotten after this long (they go with the entry). */
const HOLD_MS = 15 * 60_000
const MAX_HELD = 8

export interface PostmanEnvironmentImportResult {
  environment: Environment
  /** Secret variables whose values are held in main until storeSecrets or discardSecrets; names only. */
  secretNames: string[]
  secretsId: string | null
  warnings: string[]
}

export interface PostmanEnvironmentImport {
  importFile(file: string): Promise<PostmanEnvironmentImportResult>
  /** The user agreed: the held values go to the vault as the new environment's secret variables. */
  storeSecrets(secretsId: string): Promise<{ stored: string[] }>
  discardSecrets(secretsId: string): boolean
}

interface Held {
  environmentId: string
  secrets: Array<{ name: string; value: string }>
  until: number
}

/** Imports a Postman environment as a new environment; its secret-looking values wait in main for a yes or a no. */
export function createPostmanEnvironmentImport(core: Pick<AppCore, 'environments' | 'vault' | 'auth' | 'engine' | 'settings'>, now: () => number = Date.now): PostmanEnvironmentImport {
  const manager = createEnvironmentManager(core)
  const held = new Map<string, Held>()
  const hold = (entry: Omit<Held, 'until'>): string => {
    for (const [id, old] of held) if (old.until <= now()) held.delete(id)
    while (held.size >= MAX_HELD) held.delete(held.keys().next().value as string)
    const id = randomUUID()
    held.set(id, { ...entry, until: now() + HOLD_MS })
    return id
  }
  return {
    async importFile(file) {
      const info = await stat(file).catch(() => null)
      if (!info?.isFile()) throw new AppError('FILE_NOT_FOUND', `"${file}" is not a readable file.`)
      if (info.size > MAX_BYTES) throw new AppError('INVALID_INPUT', `"${file}" is larger than 5 MB; that is not a Postman environment.`)
      const parsed = parsePostmanEnvironment(await readFile(file, 'utf8'))
      const baseUrl = parsed.variables.find((row) => row.name === 'baseUrl' && !row.secret && /^https?:\/\//i.test(row.value))?.value ?? ''
      const created = await manager.create({ name: parsed.name, baseUrl })
      const environment = await core.environments.save({ ...created, variables: parsed.variables })
      const secretsId = parsed.secrets.length === 0 ? null : hold({ environmentId: environment.id, secrets: parsed.secrets })
      return { environment, secretNames: parsed.secrets.map((secret) => secret.name), secretsId, warnings: parsed.warnings }
    },
    async storeSecrets(secretsId) {
      const entry = held.get(secretsId)
      held.delete(secretsId)
      if (!entry || entry.until <= now()) throw new AppError('NOT_FOUND', 'These values are no longer held (already stored, discarded or expired); import the file again.')
      for (const secret of entry.secrets) await manager.setSecretVariable(entry.environmentId, secret.name, secret.value)
      return { stored: entry.secrets.map((secret) => secret.name) }
    },
    discardSecrets: (secretsId) => held.delete(secretsId)
  }
}
