import type { AppCore } from '../core/app-core'
import { CurlSecretInbox } from '../core/collections/curl-secret-inbox'
import { secretKey } from '../core/vault/vault'
import { importCurlCommand } from '@shared/collections/curl-secrets'
import type { Handlers } from './dispatch'

type CurlCommand = Extract<keyof Handlers, `curl:${string}`>

/** Issue 15: cURL import in main, so a pasted command's credentials go to the vault (or nowhere), never the renderer. */
export function curlHandlers(core: AppCore): Pick<Handlers, CurlCommand> {
  const inbox = new CurlSecretInbox()
  return {
    'curl:import': async ({ text }) => {
      const { secrets, ...imported } = importCurlCommand(text)
      const secretsId = inbox.hold(secrets)
      return { ...imported, secrets: secrets.map(({ value: _value, ...named }) => named), secretsId }
    },
    'curl:store-secrets': async ({ secretsId, environmentId }) => {
      core.environments.get(environmentId) // throws NOT_FOUND for an unknown environment, before the values are taken
      const secrets = inbox.take(secretsId)
      for (const secret of secrets) await core.vault.set(secretKey(environmentId, secret.name), secret.value)
      core.auth.invalidate(environmentId)
      return { stored: secrets.map((s) => s.name) }
    },
    'curl:discard-secrets': async ({ secretsId }) => ({ discarded: inbox.discard(secretsId) })
  }
}
