import type { IncomingMessage } from 'node:http'
import type { NetskopeV2Token, SandboxCredentials } from '../credentials'
import { bearerToken, headerValue } from '../http/context'

/** The v2 token from `Netskope-Api-Token` (any case) or `Authorization: Bearer`. */
export function extractV2Token(req: IncomingMessage): string | null {
  return headerValue(req, 'netskope-api-token') ?? bearerToken(req)
}

export function findV2Token(credentials: SandboxCredentials, value: string): NetskopeV2Token | undefined {
  return credentials.netskope.v2Tokens.find((token) => token.token === value)
}

/** Read covers GET (and HEAD); anything else needs Read+Write, as in the tenant's token settings. */
export function scopeAllows(token: NetskopeV2Token, endpoint: string, method: string): boolean {
  const needsWrite = method !== 'GET' && method !== 'HEAD'
  return token.scopes.some((scope) => {
    const covers = scope.endpoint.endsWith('/*')
      ? endpoint.startsWith(scope.endpoint.slice(0, -1))
      : endpoint === scope.endpoint
    return covers && (!needsWrite || scope.privilege === 'Read+Write')
  })
}
