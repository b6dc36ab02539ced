import { z } from 'zod'
import { RequestSpecSchema } from '../../model/request'
import { SendResultSchema } from '../../model/response'
import { RunIdSchema, IdSchema } from './ids'

export const requestCommands = {
  /** Send a request; resolves with metadata and a preview, the body stays in main. */
  'request:send': {
    input: z.object({ runId: RunIdSchema, spec: RequestSpecSchema, environmentId: IdSchema.nullable().default(null) }),
    output: SendResultSchema
  },
  'request:cancel': { input: z.object({ runId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) }
} as const

export const requestEvents = {
  /** Progress of a running send, keyed by runId. */
  'request:progress': z.object({
    runId: RunIdSchema,
    phase: z.enum(['connecting', 'sending', 'waiting', 'receiving', 'done']),
    receivedBytes: z.number(),
    totalBytes: z.number().nullable()
  })
} as const
