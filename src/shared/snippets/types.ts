import type { AuthProfile, SecretName } from '@shared/model/auth'
import type { RequestSpec } from '@shared/model/request'

export type SnippetLanguage = 'python' | 'curl'

/**
 * Everything a snippet needs to reproduce one send. The request is already resolved (no {{variables}}, absolute
 * URL, enabled rows only); the auth profile says how the app would add the credential at send time.
 */
export interface SnippetInput {
  request: RequestSpec
  auth: AuthProfile
  environmentName: string
  /** The environment's base URL; login calls (/api/auth, /v2/public/user/login) go there. '' = the request's origin. */
  baseUrl: string
  tls: { verify: boolean; caPath: string | null }
  timeouts: { connectMs: number; totalMs: number }
  acceptGzip: boolean
  /** 'env': read secrets from environment variables (the default). inline: the user asked to embed these values. */
  secrets: 'env' | { inline: Partial<Record<SecretName, string>> }
  /**
   * The environment's secrets that are stored (main knows, the values stay there); the snippet then uses the same
   * credential the app would (src/shared/vendors/auth-methods.ts). Absent or empty: planned as if all were stored.
   */
  storedSecrets?: readonly SecretName[]
  /** Data Export iterator GETs (/api/v2/events/dataexport/...): Python gets a paging loop, cURL one page. */
  iterator?: { index: string; operation: string }
}
