import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'
import { createCredentialService } from '../../core/credentials/credential-service'
import { saveEnvironmentFromRenderer } from '../../core/environment-save'

export function environmentHandlers(core: AppCore, _platform: PlatformPort, grants: FileGrants): DomainHandlers<'environment'> {
  const credentials = createCredentialService(core)
  return {
    'environment:list': async () => core.environments.list(),
    'environment:save': (environment) => {
      const current = core.environments.list().find((saved) => saved.id === environment.id)
      grants.checkCaPath(environment.tls?.caPath ?? null, current?.tls.caPath ?? null) // only a CA file chosen in main's dialog
      return saveEnvironmentFromRenderer(core, environment)
    },
    'environment:delete': async ({ id }) => ({ deleted: await credentials.deleteEnvironment(id) })
  }
}
