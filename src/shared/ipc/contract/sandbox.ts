import { z } from 'zod'

export const SandboxStatusSchema = z.object({
  running: z.boolean(),
  urls: z.object({ netskope: z.string(), cloudExchange: z.string(), insightcloudsec: z.string() }).nullable(),
  caPath: z.string().nullable()
})
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>

export const sandboxCommands = {
  'sandbox:status': { input: z.object({}), output: SandboxStatusSchema }
} as const
