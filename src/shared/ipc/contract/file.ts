import { z } from 'zod'

export const fileCommands = {
  /**
   * The user agreed to upload files a collection names (listed in a FILE_CONFIRMATION_REQUIRED error). Only paths
   * main itself offered in such an error are accepted, so a page cannot use this to grant a path of its choosing.
   */
  'file:confirm-upload': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    output: z.object({ confirmed: z.array(z.string()) })
  }
} as const
