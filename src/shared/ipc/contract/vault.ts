import { z } from 'zod'
import { SECRET_NAMES, VaultStatusSchema } from '../../model/auth'
import { IdSchema } from './ids'

export const vaultCommands = {
  /** Secrets are write-only from the renderer: set, delete, and see whether each is set. Never read back. */
  'vault:set': {
    input: z.object({ environmentId: IdSchema, name: z.enum(SECRET_NAMES), value: z.string().min(1).max(65_536) }),
    output: z.object({ set: z.boolean() })
  },
  'vault:delete': {
    input: z.object({ environmentId: IdSchema, name: z.enum(SECRET_NAMES) }),
    output: z.object({ deleted: z.boolean() })
  },
  'vault:status': { input: z.object({ environmentId: IdSchema }), output: VaultStatusSchema }
} as const
