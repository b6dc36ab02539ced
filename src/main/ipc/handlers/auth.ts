import type { AppCore } from '../../core/app-core'
import { describeAuth } from '../../core/auth/auth-status'
import { createCredentialService } from '../../core/credentials/credential-service'
import type { DomainHandlers } from '../dispatch'

export function authHandlers(core: AppCore): DomainHandlers<'auth'> {
  const credentials = createCredentialService(core)
  return {
    'auth:login': async ({ environmentId }) => {
      const until = await core.login(environmentId)
      return { loggedIn: until !== null, until }
    },
    'auth:logout': async ({ environmentId }) => ({ loggedOut: await core.logout(environmentId) }),
    'auth:status': ({ environmentId }) => describeAuth(core.environments.get(environmentId), core.vault, core.auth),
    'auth:create-api-key': async ({ environmentId }) => ({ created: true, ...(await credentials.createIcsApiKey(environmentId)) })
  }
}
