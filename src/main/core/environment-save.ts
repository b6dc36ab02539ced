import type { Environment } from '@shared/model/environment'
import type { EnvironmentRepository } from './environments'
import type { Authenticator } from './auth/authenticator'
import { secretKey, variableSecretKey, type Vault } from './vault/vault'
import { allowedOrigins } from './origin-policy'

/**
 * A save from the renderer (environment:save). The vault's secrets of an environment are bound to the origins it had
 * when they were entered: a save that adds an origin (a new base URL host, a new allowed origin) deletes them first,
 * so a page cannot re-bind them to its own host by editing the environment; the user enters them again. Narrowing
 * (or keeping) the origins keeps them. Main's own saves (the sandbox's port on each start) do not come through here.
 * A secret variable that was renamed, removed or made plain loses its vault value: nothing is kept that no variable
 * can reach.
 */
export async function saveEnvironmentFromRenderer(
  deps: { environments: EnvironmentRepository; vault: Vault; auth: Pick<Authenticator, 'invalidate'> },
  environment: Environment
): Promise<Environment> {
  const current = deps.environments.list().find((saved) => saved.id === environment.id)
  if (current && addsOrigin(current, environment)) {
    await deps.vault.deletePrefix(secretKey(environment.id, ''))
    deps.auth.invalidate(environment.id)
  }
  const saved = await deps.environments.save(environment)
  const kept = new Set(saved.variables.filter((row) => row.secret === true).map((row) => variableSecretKey(saved.id, row.name)))
  for (const key of deps.vault.keys(variableSecretKey(saved.id, ''))) if (!kept.has(key)) await deps.vault.delete(key)
  return saved
}

function addsOrigin(current: Environment, next: Environment): boolean {
  const before = allowedOrigins(current)
  return [...allowedOrigins(next)].some((origin) => !before.has(origin))
}
