import { z } from 'zod'
import { RequestSpecSchema } from './request'

const Id = z.string().min(1).max(128)

/** Where a tab came from: opening the same thing again focuses this tab instead of opening another. */
export const TabOriginSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('blank') }),
  z.object({ kind: z.literal('operation'), operationId: z.string().min(1).max(1024) }),
  /** `id` and `name`: the saved request Ctrl+S overwrites. */
  z.object({ kind: z.literal('saved'), folder: z.string().min(1).max(4096), path: z.string().min(1).max(4096), id: Id, name: z.string().max(200) }),
  z.object({ kind: z.literal('history'), entryId: Id })
])
export type TabOrigin = z.infer<typeof TabOriginSchema>

export const WorkspaceTabSchema = z.object({
  id: Id,
  title: z.string().max(200),
  /** The draft as the user left it ({{variables}} and {{secret.NAME}} references, never a resolved secret). */
  request: RequestSpecSchema,
  environmentId: Id.nullable(),
  origin: TabOriginSchema,
  /** The request as last saved or opened; the tab is marked unsaved while `request` differs from it. */
  baseline: RequestSpecSchema.nullable()
})
export type WorkspaceTab = z.infer<typeof WorkspaceTabSchema>

/** One layout preference (a pane size list, the sidebar view, a collapsed flag), by a key the renderer names. */
const LayoutValueSchema = z.union([z.string().max(4096), z.number().finite(), z.boolean(), z.array(z.number().finite()).max(8)])

/** The open tabs and the window's layout, restored after a reload or restart (workspace.json in main). */
export const WorkspaceSchema = z.object({
  tabs: z.array(WorkspaceTabSchema).max(100).default([]),
  activeTabId: Id.nullable().default(null),
  layout: z.record(z.string().min(1).max(64), LayoutValueSchema).refine((value) => Object.keys(value).length <= 64, 'at most 64 layout keys').default({})
})
export type Workspace = z.infer<typeof WorkspaceSchema>
export const EMPTY_WORKSPACE: Workspace = WorkspaceSchema.parse({})
