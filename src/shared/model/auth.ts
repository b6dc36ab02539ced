import { z } from 'zod'

/**
 * How an environment authenticates. Profiles hold no secret values: those live in the vault in main, keyed by
 * environment id and the secret names listed in AUTH_SECRET_NAMES, and are resolved only at send time.
 */
export const AuthProfileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** Netskope tenant: v2 token for /api/v2 (header or Bearer), v1 token for /api/v1 (query or form). */
  z.object({
    kind: z.literal('netskope'),
    v2Scheme: z.enum(['header', 'bearer']).default('header'),
    v1Placement: z.enum(['query', 'form']).default('query')
  }),
  /** Cloud Exchange: client credentials exchanged at /api/auth for a Bearer token. */
  z.object({
    kind: z.literal('cloud-exchange'),
    clientId: z.string().max(512).default(''),
    /** CE API tokens are created with an expiry in days; the day it ends (YYYY-MM-DD), so the panel can warn ahead. */
    secretExpiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD').nullable().default(null)
  }),
  /** InsightCloudSec: an API key (Api-Key header) or a login whose session_id is sent as x-auth-token. The key wins when both exist. */
  z.object({ kind: z.literal('insightcloudsec'), username: z.string().max(512).default('') })
])
export type AuthProfile = z.infer<typeof AuthProfileSchema>
export type AuthKind = AuthProfile['kind']

export const AUTH_SECRET_NAMES = {
  none: [],
  netskope: ['v2Token', 'v1Token'],
  'cloud-exchange': ['clientSecret'],
  insightcloudsec: ['apiKey', 'password']
} as const satisfies Record<AuthKind, readonly string[]>
export type SecretName = (typeof AUTH_SECRET_NAMES)[AuthKind][number]
export const SECRET_NAMES = ['v2Token', 'v1Token', 'clientSecret', 'apiKey', 'password'] as const

export const VaultStatusSchema = z.object({
  /**
   * 'os-keychain': encrypted at rest with the OS keyring; 'memory': kept for this session only; 'weak-disk': no
   * keyring, written with weaker protection because the user accepted it in Settings.
   */
  storage: z.enum(['os-keychain', 'memory', 'weak-disk']),
  /** Plain-words reason when storage is 'memory'. */
  storageNote: z.string().nullable(),
  secrets: z.array(z.object({ name: z.enum(SECRET_NAMES), set: z.boolean() }))
})
export type VaultStatus = z.infer<typeof VaultStatusSchema>
