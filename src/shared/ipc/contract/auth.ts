import { z } from 'zod'
import { IdSchema } from './ids'

export const authCommands = {
  /** Ends a login-derived session (InsightCloudSec logout call; Cloud Exchange token dropped). */
  'auth:logout': { input: z.object({ environmentId: IdSchema }), output: z.object({ loggedOut: z.boolean() }) },
  /** The auth panel's state at a glance; header values are masked. */
  'auth:status': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({
      effective: z.enum(['none', 'api-key', 'login', 'netskope-v2', 'netskope-v1-only', 'client-credentials']),
      headerPreview: z.string().nullable(),
      loggedInUntil: z.number().nullable(),
      lastError: z.string().nullable(),
      bothIcsCredentials: z.boolean(),
      expiryWarning: z.string().nullable()
    })
  },
  /** InsightCloudSec: generate a new API key (deactivates the old one) straight into the vault; the key is not returned. */
  'auth:create-api-key': { input: z.object({ environmentId: IdSchema }), output: z.object({ created: z.boolean(), userId: z.string() }) }
} as const
