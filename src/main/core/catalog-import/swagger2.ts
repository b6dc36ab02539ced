import { isObject, type Json, type JsonObject } from '@shared/catalog/refs'

/*
 * Swagger 2.0 -> OpenAPI 3.0, as much as the catalog needs: servers from host/basePath/schemes, body and formData
 * parameters into a requestBody, response schemas into content, definitions/parameters/responses into components
 * (with every $ref rewritten), securityDefinitions into securitySchemes. Anything it cannot place is left for
 * the importer's report rather than failing the file.
 */

const REF_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/']
]

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'] as const

/** Keywords a Swagger 2 non-body parameter carries inline that OpenAPI 3 puts under `schema`. */
const PARAM_SCHEMA_KEYS = [
  'type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf'
] as const

function rewriteRef(ref: string): string {
  for (const [from, to] of REF_PREFIXES) if (ref.startsWith(from)) return to + ref.slice(from.length)
  return ref
}

/** A deep copy with every local Swagger $ref pointing at its OpenAPI 3 place. */
function rewriteRefs(node: Json): Json {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!isObject(node)) return node
  const out: JsonObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === '__proto__') continue
    out[key] = key === '$ref' && typeof value === 'string' ? rewriteRef(value) : rewriteRefs(value)
  }
  return out
}

function strings(value: Json | undefined): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined
}

/** `type: file` has no OpenAPI 3 equivalent: a binary string is what multipart bodies use. */
function convertSchema(schema: Json | undefined): Json {
  if (!isObject(schema)) return {}
  return schema.type === 'file' ? { type: 'string', format: 'binary', ...(schema.description ? { description: schema.description } : {}) } : schema
}

function convertParameter(p: JsonObject): JsonObject {
  const schema: JsonObject = {}
  for (const key of PARAM_SCHEMA_KEYS) if (p[key] !== undefined) schema[key] = p[key]
  const out: JsonObject = { name: p.name ?? '', in: p.in ?? '', schema: convertSchema(schema) }
  if (p.required !== undefined) out.required = p.required
  if (p.description !== undefined) out.description = p.description
  if (p.deprecated !== undefined) out.deprecated = p.deprecated
  if (p['x-example'] !== undefined) out.example = p['x-example']
  return out
}

interface Context {
  doc: JsonObject
  consumes: string[]
  produces: string[]
}

/** Follows a `#/components/parameters/X` ref (already rewritten) to see whether it is a body or form parameter. */
function lookupParameter(ctx: Context, raw: Json): JsonObject | undefined {
  if (!isObject(raw)) return undefined
  if (typeof raw.$ref !== 'string') return raw
  const name = raw.$ref.startsWith('#/components/parameters/') ? raw.$ref.slice('#/components/parameters/'.length) : null
  const params = ctx.doc.parameters
  const target = name !== null && isObject(params) ? params[decodeURIComponent(name).replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  return isObject(target) ? target : undefined
}

function formBody(fields: JsonObject[], consumes: string[]): JsonObject {
  const properties: JsonObject = {}
  const required: string[] = []
  for (const f of fields) {
    if (typeof f.name !== 'string') continue
    const schema = convertParameter(f).schema
    properties[f.name] = isObject(schema) && f.description !== undefined ? { ...schema, description: f.description } : (schema ?? {})
    if (f.required === true) required.push(f.name)
  }
  const multipart = consumes.some((t) => /multipart\/form-data/i.test(t)) || fields.some((f) => f.type === 'file')
  const schema: JsonObject = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) }
  return { content: { [multipart ? 'multipart/form-data' : 'application/x-www-form-urlencoded']: { schema } }, required: required.length > 0 }
}

function convertResponse(r: Json, produces: string[]): Json {
  if (!isObject(r) || typeof r.$ref === 'string') return r
  const out: JsonObject = { description: typeof r.description === 'string' ? r.description : '' }
  const examples = isObject(r.examples) ? r.examples : {}
  const mime = produces.find((t) => /json/i.test(t)) ?? produces[0] ?? Object.keys(examples)[0] ?? 'application/json'
  if (r.schema !== undefined || Object.keys(examples).length > 0) {
    const media: JsonObject = {}
    if (r.schema !== undefined) media.schema = convertSchema(r.schema)
    const example = examples[mime] ?? Object.values(examples)[0]
    if (example !== undefined) media.example = example
    out.content = { [mime]: media }
  }
  return out
}

function convertResponses(responses: Json | undefined, produces: string[]): Json | undefined {
  if (!isObject(responses)) return responses
  return Object.fromEntries(Object.entries(responses).map(([status, r]) => [status, convertResponse(r, produces)]))
}

function convertOperation(ctx: Context, op: JsonObject, pathParams: Json[], notes: string[], where: string): JsonObject {
  const { parameters, responses, consumes, produces, schemes: _schemes, ...rest } = op
  const opConsumes = strings(consumes) ?? ctx.consumes
  const opProduces = strings(produces) ?? ctx.produces
  const params: Json[] = []
  let body: JsonObject | undefined
  const form: JsonObject[] = []
  for (const raw of [...pathParams, ...(Array.isArray(parameters) ? parameters : [])]) {
    const p = lookupParameter(ctx, raw)
    if (p?.in === 'body') body = p
    else if (p?.in === 'formData') form.push(p)
    else if (isObject(raw) && typeof raw.$ref === 'string') params.push(raw)
    else if (p !== undefined) params.push(convertParameter(p))
  }
  const out: JsonObject = { ...rest, parameters: params }
  const converted = convertResponses(responses, opProduces)
  if (converted !== undefined) out.responses = converted
  if (body !== undefined) {
    const types = opConsumes.length > 0 ? opConsumes : ['application/json']
    const schema = convertSchema(body.schema)
    out.requestBody = {
      content: Object.fromEntries(types.map((t) => [t, { schema }])),
      required: body.required === true,
      ...(typeof body.description === 'string' ? { description: body.description } : {})
    }
    if (form.length > 0) notes.push(`${where}: has both a body and form fields; the form fields were left out.`)
  } else if (form.length > 0) {
    out.requestBody = formBody(form, opConsumes)
  }
  return out
}

function convertSecurity(defs: Json | undefined): JsonObject {
  if (!isObject(defs)) return {}
  const out: JsonObject = {}
  for (const [name, d] of Object.entries(defs)) {
    if (!isObject(d)) continue
    if (d.type === 'basic') out[name] = { type: 'http', scheme: 'basic' }
    else if (d.type === 'apiKey') out[name] = { type: 'apiKey', name: d.name ?? name, in: d.in ?? 'header' }
    else if (d.type === 'oauth2') {
      const flow = { implicit: 'implicit', password: 'password', application: 'clientCredentials', accessCode: 'authorizationCode' }[String(d.flow)]
      const settings: JsonObject = { scopes: isObject(d.scopes) ? d.scopes : {} }
      if (d.authorizationUrl !== undefined) settings.authorizationUrl = d.authorizationUrl
      if (d.tokenUrl !== undefined) settings.tokenUrl = d.tokenUrl
      out[name] = { type: 'oauth2', flows: flow === undefined ? {} : { [flow]: settings } }
    }
  }
  return out
}

function servers(doc: JsonObject): JsonObject[] {
  const basePath = typeof doc.basePath === 'string' ? doc.basePath : ''
  if (typeof doc.host !== 'string' || doc.host === '') return basePath === '' ? [] : [{ url: basePath }]
  const schemes = strings(doc.schemes) ?? ['https']
  return (schemes.length > 0 ? schemes : ['https']).map((scheme) => ({ url: `${scheme}://${doc.host as string}${basePath}` }))
}

/** Converts a Swagger 2.0 document; `notes` receives what the conversion changed or dropped. */
export function convertSwagger2(source: JsonObject, notes: string[]): JsonObject {
  const doc = rewriteRefs(source) as JsonObject
  const ctx: Context = { doc, consumes: strings(doc.consumes) ?? [], produces: strings(doc.produces) ?? [] }
  const paths: JsonObject = {}
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) {
      paths[path] = item
      continue
    }
    const pathParams = Array.isArray(item.parameters) ? item.parameters : []
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(item)) {
      if (key === 'parameters') continue
      const isMethod = (METHODS as readonly string[]).includes(key)
      out[key] = isMethod && isObject(value) ? convertOperation(ctx, value, pathParams, notes, `paths["${path}"].${key}`) : value
    }
    paths[path] = out
  }
  const componentParams: JsonObject = {}
  for (const [name, p] of Object.entries(isObject(doc.parameters) ? doc.parameters : {})) {
    // Body and form parameters become request bodies where they are used; OpenAPI 3 has no parameter for them.
    if (isObject(p) && p.in !== 'body' && p.in !== 'formData') componentParams[name] = convertParameter(p)
  }
  const componentResponses = convertResponses(doc.responses, ctx.produces)
  const extensions = Object.fromEntries(Object.entries(doc).filter(([key]) => key.startsWith('x-')))
  const result: JsonObject = {
    ...extensions,
    openapi: '3.0.3',
    info: isObject(doc.info) ? doc.info : { title: '', version: '' },
    servers: servers(doc),
    paths,
    components: {
      schemas: isObject(doc.definitions) ? doc.definitions : {},
      parameters: componentParams,
      responses: isObject(componentResponses) ? componentResponses : {},
      securitySchemes: convertSecurity(doc.securityDefinitions)
    }
  }
  if (doc.security !== undefined) result.security = doc.security
  if (doc.tags !== undefined) result.tags = doc.tags
  return result
}
