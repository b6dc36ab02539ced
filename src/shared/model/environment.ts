import { z } from 'zod'
import { KeyValueSchema } from './request'
import { AuthProfileSchema } from './auth'
import { parseAllowedOrigin } from './origin'
import { VENDOR_LISTS, type VendorId } from '../vendors/registry'

/** 'generic': any other HTTP API; the rest are the vendors in src/shared/vendors/registry.ts. */
export type ApiKind = VendorId | 'generic'
export const API_KINDS = [...VENDOR_LISTS.ids, 'generic'] as unknown as readonly [ApiKind, ...ApiKind[]]

export const TlsSettingsSchema = z.object({
  /** Verification is on unless the user turns it off for this environment (a warning then stays on screen). */
  verify: z.boolean().default(true),
  /** PEM bundle trusted in addition to the system roots. */
  caPath: z.string().nullable().default(null)
})
export type TlsSettings = z.infer<typeof TlsSettingsSchema>

/** One extra origin this environment's credentials and secrets may go to, normalised (see parseAllowedOrigin). */
export const AllowedOriginSchema = z.string().max(2048).transform((text, context) => {
  const parsed = parseAllowedOrigin(text)
  if ('origin' in parsed) return parsed.origin
  context.addIssue({ code: 'custom', message: parsed.problem })
  return z.NEVER
})

export const EnvironmentSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  api: z.enum(API_KINDS).default('generic'),
  baseUrl: z.string().max(2048).default(''),
  variables: z.array(KeyValueSchema).default([]),
  tls: TlsSettingsSchema.default({ verify: true, caPath: null }),
  /** How requests in this environment authenticate; secret values live in the vault, never here. */
  auth: AuthProfileSchema.default({ kind: 'none' }),
  /**
   * Origins besides the base URL's that may receive this environment's credential and `{{secret.*}}` values (e.g. a
   * second API host of the same tenant). Any other origin gets neither (src/main/core/origin-policy.ts).
   */
  allowedOrigins: z.array(AllowedOriginSchema).max(32).optional(),
  /** Created by the app for the built-in sandbox. */
  sandbox: z.boolean().default(false)
})
export type Environment = z.infer<typeof EnvironmentSchema>
