import { z } from 'zod'
import { HistoryQuerySchema, type HistoryEntry, type HistoryPage } from '../../collections/history-entry'
import { IdSchema } from './ids'

export const historyCommands = {
  'history:search': { input: HistoryQuerySchema, output: z.custom<HistoryPage>() },
  'history:get': { input: z.object({ id: IdSchema }), output: z.custom<HistoryEntry>() },
  'history:clear': { input: z.object({}), output: z.object({ cleared: z.boolean() }) }
} as const
