import { z } from 'zod'

export const appCommands = {
  /** Problems found at start (e.g. a corrupt settings or vault file moved aside to a timestamped name), oldest first. */
  'app:notices': { input: z.object({}), output: z.array(z.string()) },
  /** The user closed the notices banner: they are not shown again this session. */
  'app:dismiss-notices': { input: z.object({}), output: z.object({ dismissed: z.number().int().min(0) }) }
} as const
