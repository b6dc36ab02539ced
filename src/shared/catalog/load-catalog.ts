import { AppError } from '../model/errors'
import type { ExpansionBudget } from './expansion-budget'
import { badgesFor, readExtensions, type CatalogExtensions } from './extensions'
import { readParameters, readRequestBody, readResponses } from './load-parts'
import { RefResolver, at, isObject, malformed, type Json, type JsonObject } from './refs'
import { CatalogApiSchema, type CatalogApi, type CatalogOperation } from './types'

/*
 * Why the built-in catalogs spell out one operation per Data Export type (…/dataexport/events/alert,
 * …/dataexport/alerts/dlp, …) instead of one `{type}` operation with an enum: each type is its own token
 * scope, with its own CE module, lifecycle and legacy equivalent, so each needs its own badges; and the
 * sidebar then lists "DLP alerts" as something a user can find by typing "dlp". The loader itself does
 * not care: it takes any path template and lists whatever the document declares.
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

export interface LoadCatalogOptions {
  /** Which API the document describes; required when the document has no `info.x-api`. */
  api?: CatalogApi
  /**
   * true (default): a dangling or external $ref is an error. false: it becomes a placeholder schema,
   * for imported real-world documents that carry such refs.
   */
  strictRefs?: boolean
  /**
   * When given, a malformed path item or operation is skipped and reported here instead of failing the whole
   * document (imports of real-world files: one broken operation should not hide the other hundreds).
   */
  onSkip?: (where: string, reason: string) => void
  /** Caps on what inlining $refs may produce (imported documents); none by default. */
  budget?: ExpansionBudget
}

function detectApi(doc: JsonObject, options: LoadCatalogOptions): CatalogApi {
  if (options.api !== undefined) return options.api
  const declared = isObject(doc.info) ? doc.info['x-api'] : undefined
  const parsed = CatalogApiSchema.safeParse(declared)
  if (parsed.success) return parsed.data
  throw new AppError(
    'INVALID_INPUT',
    declared === undefined
      ? 'Catalog document does not say which API it describes (info.x-api); choose the API when importing it'
      : `Catalog document is malformed at info["x-api"]: ${JSON.stringify(declared)} is not one of ${CatalogApiSchema.options.join(', ')}`
  )
}

function securityNames(raw: Json | undefined, where: string): string[] | undefined {
  if (raw === undefined) return undefined
  if (!Array.isArray(raw)) throw malformed(where, '"security" must be an array of requirement objects')
  const names = new Set<string>()
  raw.forEach((req, i) => {
    if (!isObject(req)) throw malformed(at(where, i), 'a security requirement must be an object')
    for (const name of Object.keys(req)) names.add(name)
  })
  return [...names]
}

/** Imported ICS documents lack our extensions; the path alone tells the namespace, and prototype needs a caution. */
function inferIcsExtensions(path: string, ext: CatalogExtensions): CatalogExtensions {
  if (ext.icsNamespace !== undefined) return ext
  const ns = path.startsWith('/v3/') ? 'v3' : path.startsWith('/v2/prototype/') ? 'prototype' : path.startsWith('/v2/public/') ? 'public' : undefined
  if (ns === undefined) return ext
  const caution = ns === 'prototype' && ext.caution === undefined ? 'Prototype endpoint: less supported by the vendor and may change.' : ext.caution
  return caution === undefined ? { ...ext, icsNamespace: ns } : { ...ext, icsNamespace: ns, caution }
}

/**
 * Turns an OpenAPI 3.x document into the flat operation list the catalog UI shows. Local $refs are inlined,
 * path-level parameters merged, and our vendor extensions parsed into `extensions` and `badges`.
 * Throws AppError INVALID_INPUT naming the location when the document is malformed.
 */
export function loadCatalog(doc: unknown, options: LoadCatalogOptions = {}): CatalogOperation[] {
  if (!isObject(doc)) throw malformed('the document root', 'expected a JSON object (an OpenAPI 3.x document)')
  if (typeof doc.openapi !== 'string' || !/^3\.\d+/.test(doc.openapi)) {
    throw malformed(
      'openapi',
      doc.swagger !== undefined
        ? 'this is a Swagger 2.0 document; convert it to OpenAPI 3 first'
        : `expected an OpenAPI 3.x version string, got ${JSON.stringify(doc.openapi ?? null)}`
    )
  }
  const api = detectApi(doc, options)
  const r = new RefResolver(doc, options.strictRefs !== false, options.budget)
  const docSecurity = tolerate(options, 'security', () => securityNames(doc.security, 'security')) ?? []
  if (doc.paths === undefined) return [] // 3.1 allows documents with only webhooks or components
  if (!isObject(doc.paths)) throw malformed('paths', 'expected an object keyed by path')

  const ops: CatalogOperation[] = []
  const ids = new Set<string>()
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const itemWhere = at('paths', path)
    const item = tolerate(options, itemWhere, () => {
      if (!path.startsWith('/')) throw malformed(itemWhere, 'a path must start with "/"')
      const resolved = r.shallow(rawItem, itemWhere)
      if (!isObject(resolved)) throw malformed(itemWhere, 'a path item must be an object')
      return resolved
    })
    if (item === undefined) continue
    for (const method of METHODS) {
      const op = item[method]
      if (op === undefined) continue
      const where = at(itemWhere, method)
      const read = tolerate(options, where, () => {
        if (!isObject(op)) throw malformed(where, 'an operation must be an object')
        return readOperation({ api, path, method, op, item, where, itemWhere, r, docSecurity, ids })
      })
      if (read !== undefined) ops.push(read)
    }
  }
  return ops
}

/** Runs `fn`; with `onSkip` set, an AppError is reported there (and undefined returned) instead of thrown. */
function tolerate<T>(options: LoadCatalogOptions, where: string, fn: () => T): T | undefined {
  if (options.onSkip === undefined) return fn()
  try {
    return fn()
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    options.onSkip(where, error.message.replace(/^Catalog document is malformed at /, ''))
    return undefined
  }
}

interface OperationInput {
  api: CatalogApi
  path: string
  method: (typeof METHODS)[number]
  op: JsonObject
  item: JsonObject
  where: string
  itemWhere: string
  r: RefResolver
  docSecurity: string[]
  ids: Set<string>
}

function readOperation(input: OperationInput): CatalogOperation {
  const { api, path, method, op, item, where, itemWhere, r } = input
  const METHOD = method.toUpperCase()
  const operationId = typeof op.operationId === 'string' && op.operationId !== '' ? op.operationId : null
  const baseId = `${api}:${operationId ?? `${METHOD} ${path}`}`
  let id = baseId
  for (let n = 2; input.ids.has(id); n++) id = `${baseId}#${n}` // imported documents may repeat operationIds
  input.ids.add(id)

  if (op.tags !== undefined && (!Array.isArray(op.tags) || !op.tags.every((t) => typeof t === 'string'))) {
    throw malformed(at(where, 'tags'), 'expected an array of strings')
  }
  const extRead = readExtensions(op)
  if (!extRead.ok) throw malformed(at(where, extRead.key), extRead.message)
  const extensions = api === 'insightcloudsec' ? inferIcsExtensions(path, extRead.value) : extRead.value
  const deprecated = op.deprecated === true

  return {
    id,
    api,
    operationId,
    method: METHOD,
    path,
    summary: typeof op.summary === 'string' && op.summary !== '' ? op.summary : `${METHOD} ${path}`,
    description: typeof op.description === 'string' ? op.description : '',
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === 'string') : [],
    deprecated,
    parameters: readParameters(
      [
        [item.parameters, at(itemWhere, 'parameters')],
        [op.parameters, at(where, 'parameters')]
      ],
      r
    ),
    requestBody: readRequestBody(op.requestBody, r, at(where, 'requestBody')),
    responses: readResponses(op.responses, r, at(where, 'responses')),
    extensions,
    badges: badgesFor(extensions, deprecated),
    security: securityNames(op.security, at(where, 'security')) ?? input.docSecurity
  }
}
