import { ExpansionBudget, IMPORT_EXPANSION_LIMITS, describeCap } from '@shared/catalog/expansion-budget'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { isObject, type JsonObject } from '@shared/catalog/refs'
import { CatalogApiSchema, type CatalogApi } from '@shared/catalog/types'
import { importedOperationId, type ImportReport, type ImportSkip, type ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import { VENDORS } from '@shared/vendors/registry'
import { parseDocument } from './parse-document'
import { convertSwagger2 } from './swagger2'
import { danglingRefs, documentNotes, serverBasePath, tidyOperations, tidyPaths } from './tidy'

/** Truncation lines in a report beyond this are summed up in one line (a hostile file could cause thousands). */
const MAX_TRUNCATION_NOTES = 20

export interface ImportOptions {
  /** Catalog id; default: derived from the file name and text, so the same input gives the same catalog. */
  id?: string
  /** Timestamp recorded as importedAt; default now. */
  now?: Date
}

export interface ImportResult {
  catalog: ImportedCatalog
  report: ImportReport
}

/** Which of our APIs the paths belong to; most paths must agree, else the document is a 'generic' one. */
function guessApi(doc: JsonObject): CatalogApi {
  const declared = CatalogApiSchema.safeParse(isObject(doc.info) ? doc.info['x-api'] : undefined)
  if (declared.success) return declared.data
  const paths = Object.keys(isObject(doc.paths) ? doc.paths : {})
  for (const vendor of VENDORS) {
    const pattern = vendor.catalog.importPaths
    if (paths.length > 0 && paths.filter((p) => pattern.test(p)).length * 2 > paths.length) return vendor.id
  }
  return 'generic'
}

/** FNV-1a, as a short stable id for the same file imported twice. */
function shortHash(text: string): string {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'catalog'
}

/**
 * THE importer: an OpenAPI 3.x or Swagger 2.0 file (JSON or YAML text) -> a catalog plus a report of what was
 * imported, skipped and why. Pure (no I/O). Throws AppError INVALID_INPUT with a readable message only when nothing
 * can be imported at all (not JSON/YAML, not OpenAPI/Swagger, no operations).
 */
export function importOpenApi(text: string, fileName: string, options: ImportOptions = {}): ImportResult {
  const { doc: parsed, syntax } = parseDocument(text, fileName)
  const notes: string[] = []
  const skipped: ImportSkip[] = []
  let doc: JsonObject
  let sourceVersion: string
  if (typeof parsed.openapi === 'string' && /^3\.\d+/.test(parsed.openapi)) {
    sourceVersion = `OpenAPI ${parsed.openapi}`
    doc = { ...parsed, paths: isObject(parsed.paths) ? { ...parsed.paths } : {} }
  } else if (String(parsed.swagger) === '2.0' || String(parsed.swagger) === '2') {
    sourceVersion = 'Swagger 2.0'
    doc = convertSwagger2(parsed, notes)
    notes.unshift('Converted from Swagger 2.0 to OpenAPI 3.0.')
  } else {
    const version = parsed.openapi ?? parsed.swagger
    throw new AppError(
      'INVALID_INPUT',
      `${fileName} could not be imported: ${
        version === undefined
          ? 'it has no "openapi" or "swagger" field at the top level, so it is not an OpenAPI document.'
          : `version ${JSON.stringify(version)} is not supported (OpenAPI 3.x or Swagger 2.0 only).`
      }`
    )
  }
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) {
    throw new AppError('INVALID_INPUT', `${fileName} could not be imported: the document has no paths, so there is nothing to list.`)
  }

  const servers = documentNotes(doc, notes)
  tidyPaths(doc, serverBasePath(Array.isArray(doc.servers) ? doc.servers[0] : undefined), skipped, notes)
  tidyOperations(doc, skipped)
  skipped.push(...danglingRefs(doc))

  const api = guessApi(doc)
  const id = options.id ?? `${slug(fileName.replace(/\.(json|ya?ml)$/i, ''))}-${shortHash(fileName + text)}`
  const truncated: string[] = []
  const budget = new ExpansionBudget(IMPORT_EXPANSION_LIMITS, (where, cap) => {
    truncated.push(`${where}: schema truncated, over ${describeCap(cap, IMPORT_EXPANSION_LIMITS)}; the rest of it is left out.`)
  })
  const operations = loadCatalog(doc, {
    api,
    strictRefs: false,
    onSkip: (where, reason) => skipped.push({ where, reason: `${reason}; left out.` }),
    budget
  }).map((op) => ({ ...op, id: importedOperationId(id, op.id) }))
  if (operations.length === 0) {
    const first = skipped[0]
    throw new AppError(
      'INVALID_INPUT',
      `${fileName} could not be imported: no operation could be read${first ? ` (first problem: ${first.where}: ${first.reason})` : '.'}`
    )
  }

  notes.push(...truncated.slice(0, MAX_TRUNCATION_NOTES))
  if (truncated.length > MAX_TRUNCATION_NOTES) notes.push(`${truncated.length - MAX_TRUNCATION_NOTES} more schema(s) were truncated the same way.`)

  const info = isObject(doc.info) ? doc.info : {}
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title.trim() : fileName
  const report: ImportReport = { fileName, sourceVersion, sourceSyntax: syntax, imported: operations.length, skipped, notes }
  const catalog: ImportedCatalog = {
    id,
    title,
    api,
    servers,
    importedAt: (options.now ?? new Date()).toISOString(),
    operations,
    report
  }
  return { catalog, report }
}
