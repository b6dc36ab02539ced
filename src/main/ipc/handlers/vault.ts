import type { AppCore } from '../../core/app-core'
import { createCredentialService } from '../../core/credentials/credential-service'
import type { DomainHandlers } from '../dispatch'

/** Secrets are write-only from the renderer: set, delete, and whether each is set. */
export function vaultHandlers(core: AppCore): DomainHandlers<'vault'> {
  const credentials = createCredentialService(core)
  return {
    'vault:set': async ({ environmentId, name, value }) => {
      await credentials.setSecret(environmentId, name, value)
      return { set: true }
    },
    'vault:delete': async ({ environmentId, name }) => ({ deleted: await credentials.deleteSecret(environmentId, name) }),
    'vault:status': async ({ environmentId }) => credentials.status(environmentId)
  }
}
