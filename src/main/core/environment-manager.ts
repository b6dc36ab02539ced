import { randomUUID } from 'node:crypto'
import type { ApiKind, Environment } from '@shared/model/environment'
import { AppError } from '@shared/model/errors'
import type { AppCore } from './app-core'
import { createCredentialService } from './credentials/credential-service'
import { saveEnvironmentFromRenderer } from './environment-save'
import { secretKey, variableSecretKey } from './vault/vault'

export interface DuplicateResult {
  environment: Environment
  /** Vault entries (auth secrets and secret variable values) copied to the duplicate. */
  copiedSecrets: number
  /** Vault entries of the original that the duplicate does not have (copySecrets was false). */
  skippedSecrets: number
}

export interface SecretVariableStatus {
  /** Each secret variable of the environment and whether the vault holds its value; never the value. */
  variables: Array<{ name: string; set: boolean }>
  /** How many vault entries the environment has in all (auth secrets included), e.g. for "copy N secrets?". */
  storedSecrets: number
}

/** What the environments manager does beyond a plain save: create, duplicate, delete, secret variable values. */
export interface EnvironmentManager {
  create(input: { name: string; api?: ApiKind; baseUrl?: string }): Promise<Environment>
  /** A save from the renderer (see environment-save.ts for what it drops from the vault). */
  save(environment: Environment): Promise<Environment>
  /** Merges the given fields into main's current copy, then saves it like save(). */
  update(id: string, patch: Partial<Pick<Environment, 'name' | 'color' | 'production' | 'variables'>>): Promise<Environment>
  /** Secrets are copied only when the caller says the user agreed to it. */
  duplicate(id: string, options: { copySecrets: boolean; name?: string }): Promise<DuplicateResult>
  /** Deletes the environment, its vault entries and its cached logins. */
  delete(id: string): Promise<boolean>
  setSecretVariable(environmentId: string, name: string, value: string): Promise<void>
  deleteSecretVariable(environmentId: string, name: string): Promise<boolean>
  secretVariableStatus(environmentId: string): SecretVariableStatus
}

export function createEnvironmentManager(core: Pick<AppCore, 'environments' | 'vault' | 'auth' | 'engine' | 'settings'>): EnvironmentManager {
  const { environments, vault, auth } = core
  const credentials = createCredentialService(core)
  const secretVariable = (environmentId: string, name: string): void => {
    const environment = environments.get(environmentId)
    if (!environment.variables.some((row) => row.secret === true && row.name === name)) {
      throw new AppError('INVALID_INPUT', `"${name}" is not a secret variable of environment "${environment.name}".`, 'Mark the variable as secret and save the environment first.')
    }
  }
  return {
    create: ({ name, api = 'generic', baseUrl = '' }) =>
      environments.save({ id: `env-${randomUUID()}`, name, api, baseUrl, variables: [], tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false, color: null, production: false }),
    save: (environment) => saveEnvironmentFromRenderer(core, environment),
    update(id, patch) {
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined))
      return saveEnvironmentFromRenderer(core, { ...environments.get(id), ...defined })
    },
    async duplicate(id, { copySecrets, name }) {
      const original = environments.get(id)
      const copy = await environments.save({ ...original, id: `env-${randomUUID()}`, name: name ?? `${original.name} copy`.slice(0, 200), sandbox: false })
      const keys = vault.keys(secretKey(id, ''))
      let copiedSecrets = 0
      if (copySecrets) {
        for (const key of keys) {
          const value = await vault.reveal(key)
          if (value === null) continue
          await vault.set(secretKey(copy.id, key.slice(secretKey(id, '').length)), value)
          copiedSecrets += 1
        }
      }
      return { environment: copy, copiedSecrets, skippedSecrets: keys.length - copiedSecrets }
    },
    delete: (id) => credentials.deleteEnvironment(id),
    async setSecretVariable(environmentId, name, value) {
      secretVariable(environmentId, name)
      await vault.set(variableSecretKey(environmentId, name), value)
      auth.invalidate(environmentId)
    },
    async deleteSecretVariable(environmentId, name) {
      environments.get(environmentId)
      return vault.delete(variableSecretKey(environmentId, name))
    },
    secretVariableStatus(environmentId) {
      const environment = environments.get(environmentId)
      const variables = environment.variables
        .filter((row) => row.secret === true)
        .map((row) => ({ name: row.name, set: vault.has(variableSecretKey(environmentId, row.name)) }))
      return { variables, storedSecrets: vault.keys(secretKey(environmentId, '')).length }
    }
  }
}
