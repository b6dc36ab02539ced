import { z } from 'zod'
import { ExportFormatSchema, IteratorPagePreviewSchema, IteratorProgressSchema, IteratorSavedStateSchema, IteratorStartSchema, IteratorSummarySchema } from '../../iterator/iterator-model'
import { ScopePathSchema, ScopeProbeResultSchema } from '../../iterator/scope-plan'
import { RunIdSchema, IdSchema } from './ids'

export const iteratorCommands = {
  /** Netskope Data Export iterator. Whether the environment can use it (v2 token), and why not. */
  'iterator:availability': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({ available: z.boolean(), reason: z.string().nullable() })
  },
  /** Save dialog in main for an export file; only paths chosen here are accepted by iterator:start. */
  'iterator:pick-export': {
    input: z.object({ format: ExportFormatSchema, defaultName: z.string().max(200).optional() }),
    output: z.object({ path: z.string().nullable() })
  },
  /** Runs until its mode's stop rule (or cancel); progress and page previews arrive as events keyed by runId. */
  'iterator:start': { input: IteratorStartSchema, output: IteratorSummarySchema },
  'iterator:cancel': { input: z.object({ runId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Saved positions (environment, endpoint, index, last timestamp_hwm) for resuming. */
  'iterator:state': { input: z.object({}), output: z.array(IteratorSavedStateSchema) },
  /** Token scope checker: main sends one read-only GET per path (never a write) with the environment's v2 token. */
  'iterator:check-scopes': {
    input: z.object({ environmentId: IdSchema, paths: z.array(ScopePathSchema).min(1).max(64) }),
    output: z.array(ScopeProbeResultSchema)
  }
} as const

export const iteratorEvents = {
  'iterator:progress': IteratorProgressSchema,
  /** The first records of each page (capped), for the viewer. */
  'iterator:page': IteratorPagePreviewSchema
} as const
