import { z } from 'zod'
import { SavedRequestSchema, type CollectionTree, type SavedRequest } from '../../collections/saved-request'
import { IdSchema } from './ids'

// Outputs are built by main's own core, so they are typed, not re-parsed.
const FolderPathSchema = z.string().min(1).max(4096)
const RelPathSchema = z.string().max(4096)
const MutationSchema = z.custom<{ path: string; warnings: string[] }>()
const ExportOutputSchema = z.custom<{ path: string | null; replacedSecrets: number; warnings: string[] }>()
type OpenCollectionOut = { folder: string; tree: CollectionTree; error: null } | { folder: string; tree: null; error: string }

export const collectionCommands = {
  'collection:list': { input: z.object({}), output: z.custom<OpenCollectionOut[]>() },
  /** Opens (folder chosen in main's dialog) or creates a collection; null when the dialog was cancelled. */
  'collection:open': { input: z.object({}), output: z.object({ tree: z.custom<CollectionTree>().nullable() }) },
  'collection:create': { input: z.object({ name: z.string().trim().min(1).max(200) }), output: z.object({ tree: z.custom<CollectionTree>().nullable() }) },
  'collection:close': { input: z.object({ folder: FolderPathSchema }), output: z.object({ closed: z.boolean() }) },
  'collection:read-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: z.custom<SavedRequest>() },
  'collection:save-request': {
    input: z.object({
      folder: FolderPathSchema,
      /** Existing file to overwrite; absent = a new file in `parent`. */
      path: RelPathSchema.optional(),
      parent: RelPathSchema.default(''),
      request: SavedRequestSchema.omit({ id: true }).extend({ id: z.string().max(128).optional() })
    }),
    output: z.custom<{ path: string; warnings: string[]; saved: SavedRequest; replacedSecrets: Array<{ where: string; name: string }> }>()
  },
  'collection:rename-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema, name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:duplicate-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: MutationSchema },
  'collection:delete-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: MutationSchema },
  /** Postman v2.x file (main's file dialog) -> a new collection in an empty folder (main's folder dialog); null = cancelled. */
  'collection:import-postman': {
    input: z.object({}),
    output: z.custom<{
      tree: CollectionTree
      requestCount: number
      droppedSecrets: Array<{ path: string; what: string }>
      authMappings: Array<{ path: string; from: string; to: string }>
      warnings: string[]
    } | null>()
  },
  /** Export a collection (path '') or one folder/request to a file chosen in main's save dialog; path null = cancelled. */
  'collection:export-postman': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.default('') }), output: ExportOutputSchema },
  'collection:export-har': {
    input: z.object({ folder: FolderPathSchema, path: RelPathSchema.default(''), environmentId: IdSchema.nullable().default(null) }),
    output: ExportOutputSchema
  },
  'collection:create-folder': { input: z.object({ folder: FolderPathSchema, parent: RelPathSchema.default(''), name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:rename-folder': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.min(1), name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:delete-folder': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.min(1) }), output: MutationSchema },
  /** Moves a request into another folder of the same collection ('' = root), at `index` (end when absent). */
  'collection:move-request': {
    input: z.object({ folder: FolderPathSchema, path: RelPathSchema, toFolder: RelPathSchema, index: z.number().int().min(0).optional() }),
    output: MutationSchema
  }
} as const
