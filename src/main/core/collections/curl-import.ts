import { importCurlCommand, type CurlImportWithSecrets, type CurlSecret } from '@shared/collections/curl-secrets'
import { CurlSecretInbox } from './curl-secret-inbox'

/** A cURL import as the renderer sees it: the secrets' names and labels, never their values. */
export type CurlImportForRenderer = Omit<CurlImportWithSecrets, 'secrets'> & { secrets: Array<Omit<CurlSecret, 'value'>>; secretsId: string | null }

export interface CurlImports {
  /** Parses a pasted command; its credentials are held in main under `secretsId` until stored or discarded. */
  import(text: string): CurlImportForRenderer
  /** Moves the held credentials into the environment's vault entries; they are forgotten either way. */
  store(secretsId: string, environmentId: string): Promise<string[]>
  discard(secretsId: string): boolean
}

/**
 * cURL import in main, so a pasted command's credentials go to the vault (or nowhere), never the renderer.
 * `checkEnvironment` throws for an unknown environment before the held values are taken.
 */
export function createCurlImports(deps: {
  checkEnvironment(environmentId: string): void
  storeSecrets(environmentId: string, secrets: CurlSecret[]): Promise<string[]>
}): CurlImports {
  const inbox = new CurlSecretInbox()
  return {
    import(text) {
      const { secrets, ...imported } = importCurlCommand(text)
      const secretsId = inbox.hold(secrets)
      return { ...imported, secrets: secrets.map(({ value: _value, ...named }) => named), secretsId }
    },
    async store(secretsId, environmentId) {
      deps.checkEnvironment(environmentId)
      return deps.storeSecrets(environmentId, inbox.take(secretsId))
    },
    discard: (secretsId) => inbox.discard(secretsId)
  }
}
