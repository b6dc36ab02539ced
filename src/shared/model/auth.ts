import { z } from 'zod'
import { VENDOR_LISTS } from '../vendors/registry'

/**
 * How an environment authenticates. Profiles hold no secret values: those live in the vault in main, keyed by
 * environment id and the secret names listed in AUTH_SECRET_NAMES, and are resolved only at send time. The vendor
 * profiles come from their definitions in src/shared/vendors/.
 */
export const AuthProfileSchema = z.discriminatedUnion('kind', [z.object({ kind: z.literal('none') }), ...VENDOR_LISTS.profiles])
export type AuthProfile = z.infer<typeof AuthProfileSchema>
export type AuthKind = AuthProfile['kind']

export const AUTH_SECRET_NAMES = { none: [], ...VENDOR_LISTS.secretNamesByKind } as const satisfies Record<AuthKind, readonly string[]>
export type SecretName = (typeof AUTH_SECRET_NAMES)[AuthKind][number]
export const SECRET_NAMES = VENDOR_LISTS.secretNames

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
