import { z } from 'zod'
import { IdSchema } from './ids'

export const authCommands = {
  /** Logs in now (session login or token exchange) instead of on the next send; `until` is when the session ends. */
  'auth:login': { input: z.object({ environmentId: IdSchema }), output: z.object({ loggedIn: z.boolean(), until: z.number().nullable() }) },
  /** Ends a login-derived session (a session login's logout call; an OAuth2 token is dropped). */
  'auth:logout': { input: z.object({ environmentId: IdSchema }), output: z.object({ loggedOut: z.boolean() }) },
  /** The auth panel's state at a glance; header values are masked. */
  'auth:status': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({
      /** The credential the next request carries, named by its vendor definition; null: none. */
      using: z.string().nullable(),
      headerPreview: z.string().nullable(),
      loggedInUntil: z.number().nullable(),
      /** The username or client id the cached session belongs to (not a secret); null without a session. */
      loggedInAs: z.string().nullable(),
      loginAvailable: z.boolean(),
      lastError: z.string().nullable(),
      unusedNote: z.string().nullable(),
      expiryWarning: z.string().nullable()
    })
  },
  /** InsightCloudSec: generate a new API key (deactivates the old one) straight into the vault; the key is not returned. */
  'auth:create-api-key': { input: z.object({ environmentId: IdSchema }), output: z.object({ created: z.boolean(), userId: z.string() }) }
} as const
