import { z } from 'zod'
import type { CurlImportWithSecrets, CurlSecret } from '../../collections/curl-secrets'
import { IdSchema } from './ids'

/** A cURL import as the renderer sees it: the secrets' names and labels, never their values. */
type CurlImportOut = Omit<CurlImportWithSecrets, 'secrets'> & { secrets: Array<Omit<CurlSecret, 'value'>>; secretsId: string | null }

export const curlCommands = {
  /**
   * A cURL command pasted into the URL bar, parsed in main. Its credentials are replaced by `{{secret.NAME}}` and held
   * in main under `secretsId` (null when there were none) until curl:store-secrets or curl:discard-secrets.
   */
  'curl:import': { input: z.object({ text: z.string().min(1).max(1_000_000) }), output: z.custom<CurlImportOut>() },
  /** Moves the held credentials into the vault as secrets of the environment; they are forgotten either way. */
  'curl:store-secrets': { input: z.object({ secretsId: IdSchema, environmentId: IdSchema }), output: z.object({ stored: z.array(z.string()) }) },
  'curl:discard-secrets': { input: z.object({ secretsId: IdSchema }), output: z.object({ discarded: z.boolean() }) }
} as const
