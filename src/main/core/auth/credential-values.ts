import type { Environment } from '@shared/model/environment'
import { AUTH_SECRET_NAMES } from '@shared/model/auth'
import { secretKey, type Vault } from '../vault/vault'

/** The environment's credential secrets from the vault (what its auth profile sends), for masking. */
export async function credentialValues(vault: Vault, environment: Environment | null): Promise<string[]> {
  if (!environment) return []
  const names: readonly string[] = AUTH_SECRET_NAMES[environment.auth.kind]
  const values = await Promise.all(names.map((name) => vault.reveal(secretKey(environment.id, name))))
  return values.filter((value): value is string => value !== null)
}
