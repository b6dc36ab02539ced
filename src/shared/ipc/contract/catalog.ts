import { z } from 'zod'
import type { ImportedCatalog } from '../../catalog/imported'
import { RunIdSchema, IdSchema } from './ids'

export const catalogCommands = {
  /**
   * An OpenAPI 3.x / Swagger 2.0 file (main's open dialog) parsed and converted in main, saved as a catalog;
   * null = the dialog was cancelled. The catalog carries its import report (imported, skipped and why). The import
   * runs in a worker thread; `importId` lets catalog:cancel-import stop it.
   */
  'catalog:import': { input: z.object({ importId: RunIdSchema.optional() }), output: z.object({ catalog: z.custom<ImportedCatalog>().nullable() }) },
  'catalog:cancel-import': { input: z.object({ importId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  'catalog:list-imported': { input: z.object({}), output: z.custom<{ catalogs: ImportedCatalog[]; notices: string[] }>() },
  'catalog:remove-imported': { input: z.object({ id: IdSchema }), output: z.object({ removed: z.boolean() }) }
} as const
