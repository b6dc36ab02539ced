import { z } from 'zod'
import { RequestSpecSchema } from '../../model/request'
import { IteratorSettingsSchema } from '../../collections/saved-request'
import { IdSchema } from './ids'

const SnippetRequestSchema = z.object({
  spec: RequestSpecSchema,
  environmentId: IdSchema.nullable().default(null),
  language: z.enum(['python', 'curl']),
  inlineSecrets: z.boolean().default(false),
  iterator: IteratorSettingsSchema.nullable().default(null)
})
type GeneratedSnippetOut = { code: string; language: 'python' | 'curl'; envVars: Array<{ name: string; what: string }>; inlined: boolean }

export const snippetCommands = {
  /**
   * Python / cURL for a request, built in main (variables, auth, TLS). With inlineSecrets the displayed code shows a
   * masked stand-in where each secret goes: the real values are only ever inserted by snippet:copy / snippet:save,
   * which main performs itself, so no secret crosses into the renderer.
   */
  'snippet:generate': { input: SnippetRequestSchema, output: z.custom<GeneratedSnippetOut>() },
  /** Regenerates the snippet in main (secrets inserted when asked), then a save dialog and an atomic write. */
  'snippet:save': { input: SnippetRequestSchema, output: z.object({ path: z.string().nullable() }) },
  /** Regenerates the snippet in main (secrets inserted when asked) and puts it on the OS clipboard. */
  'snippet:copy': { input: SnippetRequestSchema, output: z.object({ copied: z.boolean() }) }
} as const
