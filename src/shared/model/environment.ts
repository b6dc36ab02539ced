import { z } from 'zod'
import { KeyValueSchema } from './request'
import { AuthProfileSchema } from './auth'

export const API_KINDS = ['netskope', 'cloud-exchange', 'insightcloudsec', 'generic'] as const
export type ApiKind = (typeof API_KINDS)[number]

export const TlsSettingsSchema = z.object({
  /** Verification is on unless the user turns it off for this environment (a warning then stays on screen). */
  verify: z.boolean().default(true),
  /** PEM bundle trusted in addition to the system roots. */
  caPath: z.string().nullable().default(null)
})
export type TlsSettings = z.infer<typeof TlsSettingsSchema>

export const EnvironmentSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  api: z.enum(API_KINDS).default('generic'),
  baseUrl: z.string().max(2048).default(''),
  variables: z.array(KeyValueSchema).default([]),
  tls: TlsSettingsSchema.default({ verify: true, caPath: null }),
  /** How requests in this environment authenticate; secret values live in the vault, never here. */
  auth: AuthProfileSchema.default({ kind: 'none' }),
  /** Created by the app for the built-in sandbox. */
  sandbox: z.boolean().default(false)
})
export type Environment = z.infer<typeof EnvironmentSchema>
