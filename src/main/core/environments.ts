import { join } from 'node:path'
import { z } from 'zod'
import { EnvironmentSchema, type Environment } from '@shared/model/environment'
import { AppError } from '@shared/model/errors'
import { readJsonFile, writeJsonAtomic } from './storage/json-file'

/**
 * Version 2 added the colour tag, the production mark and secret variables. A version 1 file parses with the same
 * environment schema (the new fields are optional); `complete` fills them in, and the next write is version 2.
 */
const FILE_VERSION = 2
const FileSchema = z.object({ version: z.union([z.literal(1), z.literal(FILE_VERSION)]), environments: z.array(EnvironmentSchema) })

/** Every field present, so the renderer and the send path never meet an environment of the old shape. */
function complete(environment: Environment): Environment {
  return {
    ...environment,
    color: environment.color ?? null,
    production: environment.production ?? false,
    variables: environment.variables.map((variable) => ({ ...variable, secret: variable.secret ?? false }))
  }
}

export interface EnvironmentRepository {
  list(): Environment[]
  get(id: string): Environment
  save(environment: Environment): Promise<Environment>
  delete(id: string): Promise<boolean>
  /** Called after every save (e.g. the authenticator drops sessions of an origin the environment left). */
  onSaved(listener: (environment: Environment) => void): void
}

/** Environments are few and small: kept in memory, persisted as one file `<dataDir>/environments.json`. */
export async function openEnvironmentRepository(dataDir: string, notices: string[]): Promise<EnvironmentRepository> {
  const path = join(dataDir, 'environments.json')
  const outcome = await readJsonFile(path, FileSchema)
  let environments: Environment[] = outcome.kind === 'ok' ? outcome.value.environments.map(complete) : []
  if (outcome.kind === 'corrupt') {
    notices.push(`Environments file was unreadable (${outcome.reason}); it was moved to ${outcome.movedTo}.`)
  }
  const listeners: Array<(environment: Environment) => void> = []
  const persist = (next: Environment[]): Promise<void> => writeJsonAtomic(path, { version: FILE_VERSION, environments: next })

  return {
    list: () => environments,
    get(id) {
      const found = environments.find((environment) => environment.id === id)
      if (!found) throw new AppError('NOT_FOUND', `Environment "${id}" does not exist.`)
      return found
    },
    async save(given) {
      // Main saves environments too (the sandbox's): the same checks as the IPC schema, e.g. allowed origins.
      const checked = EnvironmentSchema.safeParse(given)
      if (!checked.success) {
        const issue = checked.error.issues[0]
        throw new AppError('INVALID_INPUT', `Environment "${given.id}": ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`.trim())
      }
      const environment = complete(checked.data)
      const index = environments.findIndex((existing) => existing.id === environment.id)
      const next = index === -1 ? [...environments, environment] : environments.with(index, environment)
      await persist(next)
      environments = next
      for (const listener of listeners) listener(environment)
      return environment
    },
    onSaved(listener) {
      listeners.push(listener)
    },
    async delete(id) {
      const next = environments.filter((environment) => environment.id !== id)
      if (next.length === environments.length) return false
      await persist(next)
      environments = next
      return true
    }
  }
}
