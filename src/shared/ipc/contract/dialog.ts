import { z } from 'zod'

export const dialogCommands = {
  /** Native file picker in main (the sandboxed renderer cannot see paths). */
  'dialog:pick-file': {
    input: z.object({ purpose: z.enum(['multipart', 'ca-bundle']) }),
    output: z.object({ path: z.string().nullable() })
  }
} as const
