import { z } from 'zod'
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

/** Colour tags an environment may carry (a fixed set: the value ends up in a CSS class, never in a style). */
export const ENVIRONMENT_COLORS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'gray'] as const
export type EnvironmentColor = (typeof ENVIRONMENT_COLORS)[number]

/** A name `{{name}}` can refer to (the placeholder grammar of src/shared/templating/template.ts), not `secret.*`. */
export const VARIABLE_NAME = /^[A-Za-z_][\w.-]*$/

export const EnvironmentVariableSchema = z
  .object({
    name: z.string().max(200),
    value: z.string().max(1_000_000),
    enabled: z.boolean().default(true),
    /** The value lives in main's vault, never in this file or the renderer; `value` is then always ''. */
    secret: z.boolean().optional()
  })
  .refine((variable) => !variable.secret || variable.value === '', {
    message: 'a secret variable keeps its value in the vault, not in the environment',
    path: ['value']
  })
  .refine((variable) => !variable.secret || (VARIABLE_NAME.test(variable.name) && !variable.name.startsWith('secret.')), {
    message: 'a secret variable needs a name {{name}} can use (letters, digits, _ . - and not starting with "secret.")',
    path: ['name']
  })
export type EnvironmentVariable = z.infer<typeof EnvironmentVariableSchema>

/** Without a default, so a partial update that leaves the variables out leaves them alone. */
export const EnvironmentVariablesSchema = z
  .array(EnvironmentVariableSchema)
  .max(500)
  .refine((rows) => uniqueSecretNames(rows), { message: 'two secret variables have the same name' })

export const EnvironmentSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  api: z.enum(API_KINDS).default('generic'),
  baseUrl: z.string().max(2048).default(''),
  variables: EnvironmentVariablesSchema.default([]),
  tls: TlsSettingsSchema.default({ verify: true, caPath: null }),
  /** How requests in this environment authenticate; secret values live in the vault, never here. */
  auth: AuthProfileSchema.default({ kind: 'none' }),
  /**
   * Origins besides the base URL's that may receive this environment's credential and `{{secret.*}}` values (e.g. a
   * second API host of the same tenant). Any other origin gets neither (src/main/core/origin-policy.ts).
   */
  allowedOrigins: z.array(AllowedOriginSchema).max(32).optional(),
  /** Created by the app for the built-in sandbox. */
  sandbox: z.boolean().default(false),
  /** Optional so environments written before these fields (and literals in tests) stay valid as they are. */
  color: z.enum(ENVIRONMENT_COLORS).nullable().optional(),
  /** A production tenant: a banner shows it, and every send other than GET/HEAD asks first. */
  production: z.boolean().optional()
})
export type Environment = z.infer<typeof EnvironmentSchema>

function uniqueSecretNames(rows: ReadonlyArray<{ name: string; secret?: boolean }>): boolean {
  const names = rows.filter((row) => row.secret === true).map((row) => row.name)
  return new Set(names).size === names.length
}

/** Methods a production environment sends without asking (they read, they do not change anything). */
export function needsProductionConfirmation(environment: Pick<Environment, 'production'> | null, method: string): boolean {
  return environment?.production === true && !['GET', 'HEAD'].includes(method.trim().toUpperCase())
}
