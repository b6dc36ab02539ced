import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'
import { createEnvironmentManager } from '../../core/environment-manager'
import { createPostmanEnvironmentImport } from '../../core/environments-import/postman-environment-import'
import { hostDialogs } from '../../core/ports/platform-port'

export function environmentHandlers(core: AppCore, platform: PlatformPort, grants: FileGrants): DomainHandlers<'environment'> {
  const manager = createEnvironmentManager(core)
  const postman = createPostmanEnvironmentImport(core)
  return {
    'environment:list': async () => core.environments.list(),
    'environment:save': (environment) => {
      const current = core.environments.list().find((saved) => saved.id === environment.id)
      grants.checkCaPath(environment.tls?.caPath ?? null, current?.tls.caPath ?? null) // only a CA file chosen in main's dialog
      return manager.save(environment)
    },
    'environment:update': ({ id, ...patch }) => manager.update(id, patch),
    'environment:create': (input) => manager.create(input),
    'environment:duplicate': ({ id, copySecrets, name }) => manager.duplicate(id, { copySecrets, name }),
    'environment:delete': async ({ id }) => ({ deleted: await manager.delete(id) }),
    'environment:secret-variables': async ({ environmentId }) => manager.secretVariableStatus(environmentId),
    'environment:set-secret-variable': async ({ environmentId, name, value }) => {
      await manager.setSecretVariable(environmentId, name, value)
      return { set: true }
    },
    'environment:import-postman': async () => {
      const file = await hostDialogs(platform).pickImportFile('postman')
      return file === null ? null : postman.importFile(file)
    },
    'environment:store-imported-secrets': ({ secretsId }) => postman.storeSecrets(secretsId),
    'environment:discard-imported-secrets': async ({ secretsId }) => ({ discarded: postman.discardSecrets(secretsId) }),
    'environment:delete-secret-variable': async ({ environmentId, name }) => ({ deleted: await manager.deleteSecretVariable(environmentId, name) })
  }
}
