import { z } from 'zod'
import { WorkspaceSchema } from '../../model/workspace'

export const workspaceCommands = {
  /** The tabs and layout saved last time (empty on a first start or after a corrupt file was moved aside). */
  'workspace:get': { input: z.object({}), output: WorkspaceSchema },
  /** Replaces the saved workspace; the renderer calls it shortly after each change. */
  'workspace:save': { input: WorkspaceSchema, output: z.object({ bytes: z.number() }) }
} as const
