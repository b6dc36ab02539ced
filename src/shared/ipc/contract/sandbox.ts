import { z } from 'zod'

export const SandboxStatusSchema = z.object({
  running: z.boolean(),
  /** Base URL of each vendor listener, keyed as the sandbox names them (src/sandbox/listeners.ts). */
  urls: z.record(z.string().max(64), z.string().max(2048)).nullable(),
  caPath: z.string().nullable()
})
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>

export const sandboxCommands = {
  'sandbox:status': { input: z.object({}), output: SandboxStatusSchema }
} as const
