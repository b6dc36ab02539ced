import { z } from 'zod'
import { API_KINDS, ENVIRONMENT_COLORS, EnvironmentSchema, EnvironmentVariablesSchema } from '../../model/environment'
import { IdSchema } from './ids'

const NameSchema = z.string().trim().min(1).max(200)
const VariableNameSchema = z.string().min(1).max(200)

export const environmentCommands = {
  'environment:list': { input: z.object({}), output: z.array(EnvironmentSchema) },
  'environment:save': { input: EnvironmentSchema, output: EnvironmentSchema },
  /**
   * Changes only the given fields, on main's current copy: two quick edits (production, then a colour) cannot undo
   * each other the way two whole-environment saves from a stale copy could.
   */
  'environment:update': {
    input: z.object({
      id: IdSchema,
      name: NameSchema.optional(),
      color: z.enum(ENVIRONMENT_COLORS).nullable().optional(),
      production: z.boolean().optional(),
      variables: EnvironmentVariablesSchema.optional()
    }),
    output: EnvironmentSchema
  },
  /** Main picks the id; the new environment has no auth, no variables, no colour and is not production. */
  'environment:create': {
    input: z.object({ name: NameSchema, api: z.enum(API_KINDS).optional(), baseUrl: z.string().max(2048).optional() }),
    output: EnvironmentSchema
  },
  /** Secrets are copied (in main) only when the user confirmed `copySecrets`; the answer says how many were or were not. */
  'environment:duplicate': {
    input: z.object({ id: IdSchema, copySecrets: z.boolean(), name: NameSchema.optional() }),
    output: z.object({ environment: EnvironmentSchema, copiedSecrets: z.number().int(), skippedSecrets: z.number().int() })
  },
  /** Deletes the environment, every secret it had in the vault and its cached logins. */
  'environment:delete': { input: z.object({ id: IdSchema }), output: z.object({ deleted: z.boolean() }) },
  /** Which secret variables have a value in the vault: set / not set only, never the value. */
  'environment:secret-variables': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({ variables: z.array(z.object({ name: z.string(), set: z.boolean() })), storedSecrets: z.number().int() })
  },
  /** Write-only: the value of a variable the environment marks secret goes to the vault. */
  'environment:set-secret-variable': {
    input: z.object({ environmentId: IdSchema, name: VariableNameSchema, value: z.string().min(1).max(65_536) }),
    output: z.object({ set: z.boolean() })
  },
  /**
   * A Postman environment file (main's open dialog; null when cancelled) as a new environment. Values that look
   * secret are not in it: main holds them under `secretsId` until the user stores or discards them (names only here).
   */
  'environment:import-postman': {
    input: z.object({}),
    output: z
      .object({ environment: EnvironmentSchema, secretNames: z.array(z.string()), secretsId: z.string().nullable(), warnings: z.array(z.string()) })
      .nullable()
  },
  'environment:store-imported-secrets': { input: z.object({ secretsId: IdSchema }), output: z.object({ stored: z.array(z.string()) }) },
  'environment:discard-imported-secrets': { input: z.object({ secretsId: IdSchema }), output: z.object({ discarded: z.boolean() }) },
  'environment:delete-secret-variable': {
    input: z.object({ environmentId: IdSchema, name: VariableNameSchema }),
    output: z.object({ deleted: z.boolean() })
  }
} as const
