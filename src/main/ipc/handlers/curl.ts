import type { AppCore } from '../../core/app-core'
import { createCurlImports } from '../../core/collections/curl-import'
import { createCredentialService } from '../../core/credentials/credential-service'
import type { DomainHandlers } from '../dispatch'

export function curlHandlers(core: AppCore): DomainHandlers<'curl'> {
  const credentials = createCredentialService(core)
  const curl = createCurlImports({
    checkEnvironment: (id) => void core.environments.get(id),
    storeSecrets: (id, secrets) => credentials.storeSecrets(id, secrets)
  })
  return {
    'curl:import': async ({ text }) => curl.import(text),
    'curl:store-secrets': async ({ secretsId, environmentId }) => ({ stored: await curl.store(secretsId, environmentId) }),
    'curl:discard-secrets': async ({ secretsId }) => ({ discarded: curl.discard(secretsId) })
  }
}
