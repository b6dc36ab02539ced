import { z } from 'zod'
import { HistoryQuerySchema, type HistoryEntry, type HistoryPage } from '../../collections/history-entry'
import type { SendResult } from '../../model/response'
import { IdSchema } from './ids'

export const historyCommands = {
  /** Newest first; each summary carries its environment's current name. */
  'history:search': { input: HistoryQuerySchema, output: z.custom<HistoryPage>() },
  'history:get': { input: z.object({ id: IdSchema }), output: z.custom<HistoryEntry>() },
  /**
   * The entry and its stored response as a result for the response viewer (the stored body kept in main under a new
   * responseId, released with response:release like any other); result null when the send got no response.
   */
  'history:open': { input: z.object({ id: IdSchema }), output: z.custom<{ entry: HistoryEntry; result: SendResult | null }>() },
  /** HAR 1.2 of the selected entries with their stored responses, redacted, to a path chosen in main's save dialog. */
  'history:export-har': {
    input: z.object({ ids: z.array(IdSchema).min(1).max(1000) }),
    output: z.custom<{ path: string | null; entries: number; warnings: string[] }>()
  },
  'history:clear': { input: z.object({}), output: z.object({ cleared: z.boolean() }) }
} as const
