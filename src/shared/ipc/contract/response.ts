import { z } from 'zod'
import { BodyChunkSchema } from '../../model/response'
import { BodyViewModeSchema, type BodyRows, type BodySearchPage } from '../../model/body-view'
import { RunIdSchema, IdSchema } from './ids'

export const responseCommands = {
  /** Page through a response body kept in a temp file in main. */
  'response:read-body': {
    input: z.object({
      responseId: IdSchema,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(4 * 1024 * 1024)
    }),
    output: BodyChunkSchema
  },
  'response:release': { input: z.object({ responseId: IdSchema }), output: z.object({ released: z.boolean() }) },
  /** Large bodies: a window of rows (lines, long lines folded) of the raw or re-indented body, indexed in main. */
  'response:view-rows': {
    input: z.object({ responseId: IdSchema, mode: BodyViewModeSchema, fromRow: z.number().int().min(0), count: z.number().int().min(1).max(1000) }),
    output: z.custom<BodyRows>()
  },
  /** One page of matches, streamed over the body file in main; a new search with the same searchId cancels the old. */
  'response:search': {
    input: z.object({
      searchId: RunIdSchema,
      responseId: IdSchema,
      mode: BodyViewModeSchema,
      query: z.string().min(1).max(1000),
      caseSensitive: z.boolean().default(false),
      fromRow: z.number().int().min(0).default(0),
      maxMatches: z.number().int().min(1).max(1000).default(500)
    }),
    output: z.custom<BodySearchPage>()
  },
  'response:search-cancel': { input: z.object({ searchId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Save dialog in main, then the kept body is copied to the file (never through the renderer); path null = cancelled. */
  'response:save-body': { input: z.object({ responseId: IdSchema }), output: z.object({ path: z.string().nullable(), bytes: z.number() }) }
} as const
