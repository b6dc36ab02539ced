import { z } from 'zod'
import { CatalogApiSchema, CatalogOperationSchema } from './types'

/** One thing an import left out or replaced, with where it was in the file and why. */
export const ImportSkipSchema = z.object({
  /** Location in the document, e.g. paths["/pets"].get or #/definitions/Missing. */
  where: z.string(),
  reason: z.string()
})
export type ImportSkip = z.infer<typeof ImportSkipSchema>

/** What an OpenAPI / Swagger import did: shown to the user as text after the import. */
export const ImportReportSchema = z.object({
  fileName: z.string(),
  /** "OpenAPI 3.0.3", "Swagger 2.0" ... as the file declared it. */
  sourceVersion: z.string(),
  sourceSyntax: z.enum(['json', 'yaml']),
  imported: z.number().int().min(0),
  skipped: z.array(ImportSkipSchema),
  /** Things that did not stop anything but that the user should know (no servers, no security, variables ...). */
  notes: z.array(z.string())
})
export type ImportReport = z.infer<typeof ImportReportSchema>

/** A user's OpenAPI document turned into a catalog; persisted by main and listed in the sidebar as its own group. */
export const ImportedCatalogSchema = z.object({
  id: z.string().min(1).max(128),
  title: z.string(),
  /** Which API the document describes, guessed from info.x-api or its paths; 'generic' for anything else. */
  api: CatalogApiSchema,
  /** Server URLs the document lists (shown for reference; requests use the environment's base URL). */
  servers: z.array(z.string()),
  importedAt: z.string(),
  operations: z.array(CatalogOperationSchema),
  report: ImportReportSchema
})
export type ImportedCatalog = z.infer<typeof ImportedCatalogSchema>

/** Operation ids of imported catalogs carry this prefix and the catalog id, so they never clash with built-in ones. */
export function importedOperationId(catalogId: string, id: string): string {
  return `imported:${catalogId}:${id}`
}
