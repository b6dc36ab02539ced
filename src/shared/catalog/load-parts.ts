import { at, isObject, malformed, type Json, type JsonObject, type RefResolver } from './refs'
import {
  PARAMETER_LOCATIONS,
  type CatalogExample,
  type CatalogParameter,
  type CatalogRequestBody,
  type CatalogResponse,
  type JsonSchemaObject
} from './types'

type Location = (typeof PARAMETER_LOCATIONS)[number]

function isLocation(v: unknown): v is Location {
  return typeof v === 'string' && (PARAMETER_LOCATIONS as readonly string[]).includes(v)
}

function str(v: Json | undefined): string {
  return typeof v === 'string' ? v : ''
}

function schemaOf(node: Json | undefined, r: RefResolver, where: string): JsonSchemaObject {
  if (node === undefined) return {}
  // JSON Schema 2020-12 allows boolean schemas; `true` accepts anything, `false` nothing.
  if (typeof node === 'boolean') return node ? {} : { not: {} }
  const resolved = r.deep(node, where)
  if (!isObject(resolved)) throw malformed(where, 'a schema must be an object')
  return resolved
}

/** Allowed values; for anyOf/oneOf the union of the branches' enums, so a UI can still suggest them. */
function enumOf(schema: JsonSchemaObject): Json[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum
  if (isObject(schema.items) && Array.isArray(schema.items.enum)) return schema.items.enum
  const branches = [schema.anyOf, schema.oneOf].find(Array.isArray)
  if (!Array.isArray(branches)) return undefined
  const values = branches.flatMap((b) => (isObject(b) && Array.isArray(b.enum) ? b.enum : []))
  return values.length > 0 ? values : undefined
}

function firstSchemaExample(schema: JsonSchemaObject): Json | undefined {
  if (schema.example !== undefined) return schema.example
  return Array.isArray(schema.examples) ? schema.examples[0] : undefined
}

/** An OpenAPI `examples` map (name -> Example Object or $ref) as a list; external-only examples are skipped. */
function examplesFromMap(node: Json | undefined, r: RefResolver, where: string): CatalogExample[] {
  if (node === undefined) return []
  if (!isObject(node)) throw malformed(where, '"examples" must be an object keyed by example name')
  const out: CatalogExample[] = []
  for (const [name, raw] of Object.entries(node)) {
    const ex = r.shallow(raw, at(where, name))
    if (!isObject(ex)) throw malformed(at(where, name), 'an example must be an object with a "value"')
    if (ex.value === undefined) continue
    out.push(typeof ex.summary === 'string' ? { name, summary: ex.summary, value: ex.value } : { name, value: ex.value })
  }
  return out
}

/** Examples of a Media Type Object: its `examples` map, else its `example`, else the schema's own examples. */
function mediaExamples(media: JsonObject, schema: JsonSchemaObject, r: RefResolver, where: string): CatalogExample[] {
  const fromMap = examplesFromMap(media.examples, r, at(where, 'examples'))
  if (fromMap.length > 0) return fromMap
  if (media.example !== undefined) return [{ name: 'example', value: media.example }]
  if (Array.isArray(schema.examples)) return schema.examples.map((value, i) => ({ name: `schema example ${i + 1}`, value }))
  return schema.example === undefined ? [] : [{ name: 'schema example', value: schema.example }]
}

/** application/json first, then any other JSON type, else the first listed. */
function pickContentType(content: JsonObject): string | undefined {
  const types = Object.keys(content)
  return (
    types.find((t) => t.toLowerCase().startsWith('application/json')) ??
    types.find((t) => /[/+]json\b/i.test(t)) ??
    types[0]
  )
}

function readParameter(raw: Json, r: RefResolver, where: string): CatalogParameter {
  const p = r.shallow(raw, where)
  if (!isObject(p)) throw malformed(where, 'a parameter must be an object')
  if (typeof p.name !== 'string' || p.name === '') throw malformed(where, 'parameter has no "name"')
  if (!isLocation(p.in)) {
    throw malformed(where, `parameter "${p.name}" has "in" = ${JSON.stringify(p.in ?? null)}; expected one of ${PARAMETER_LOCATIONS.join(', ')}`)
  }
  let schema: JsonSchemaObject = {}
  if (p.schema !== undefined) {
    schema = schemaOf(p.schema, r, at(where, 'schema'))
  } else if (isObject(p.content)) {
    const type = pickContentType(p.content)
    const media = type === undefined ? undefined : p.content[type]
    if (isObject(media)) schema = schemaOf(media.schema, r, at(at(at(where, 'content'), type ?? ''), 'schema'))
  }
  const fromMap = examplesFromMap(p.examples, r, at(where, 'examples'))[0]?.value
  const example = p.example !== undefined ? p.example : (fromMap ?? firstSchemaExample(schema))
  const param: CatalogParameter = {
    name: p.name,
    in: p.in,
    required: p.in === 'path' ? true : p.required === true,
    description: str(p.description),
    schema,
    deprecated: p.deprecated === true
  }
  if (example !== undefined) param.example = example
  if (typeof p.explode === 'boolean') param.explode = p.explode
  if (schema.default !== undefined) param.default = schema.default
  const values = enumOf(schema)
  if (values !== undefined) param.enum = values
  return param
}

/** Path-level parameters first, then operation-level ones, which replace a path-level one of the same name and place. */
export function readParameters(
  lists: ReadonlyArray<readonly [Json | undefined, string]>,
  r: RefResolver
): CatalogParameter[] {
  const merged = new Map<string, CatalogParameter>()
  for (const [list, where] of lists) {
    if (list === undefined) continue
    if (!Array.isArray(list)) throw malformed(where, '"parameters" must be an array')
    list.forEach((raw, i) => {
      const p = readParameter(raw, r, at(where, i))
      // Header names are case-insensitive; the others are not.
      merged.set(`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p)
    })
  }
  return [...merged.values()]
}

export function readRequestBody(raw: Json | undefined, r: RefResolver, where: string): CatalogRequestBody | null {
  if (raw === undefined) return null
  const rb = r.shallow(raw, where)
  if (!isObject(rb)) throw malformed(where, 'requestBody must be an object')
  if (!isObject(rb.content) || Object.keys(rb.content).length === 0) {
    throw malformed(where, 'requestBody needs a "content" object with at least one media type')
  }
  const contentType = pickContentType(rb.content) ?? ''
  const mediaWhere = at(at(where, 'content'), contentType)
  const media = rb.content[contentType]
  if (!isObject(media)) throw malformed(mediaWhere, 'a media type entry must be an object')
  const schema = schemaOf(media.schema, r, at(mediaWhere, 'schema'))
  return {
    contentType,
    contentTypes: Object.keys(rb.content),
    required: rb.required === true,
    description: str(rb.description),
    schema,
    examples: mediaExamples(media, schema, r, mediaWhere)
  }
}

export function readResponses(raw: Json | undefined, r: RefResolver, where: string): CatalogResponse[] {
  if (raw === undefined) return []
  if (!isObject(raw)) throw malformed(where, '"responses" must be an object keyed by status code')
  return Object.entries(raw).map(([status, value]) => {
    const resWhere = at(where, status)
    if (!/^([1-5](\d\d|XX)|default)$/.test(status)) {
      throw malformed(resWhere, `"${status}" is not a status code, a range like 4XX, or "default"`)
    }
    const res = r.shallow(value, resWhere)
    if (!isObject(res)) throw malformed(resWhere, 'a response must be an object')
    const content = isObject(res.content) ? res.content : undefined
    const contentType = content === undefined ? undefined : pickContentType(content)
    const media = content !== undefined && contentType !== undefined ? content[contentType] : undefined
    if (contentType !== undefined && !isObject(media)) {
      throw malformed(at(at(resWhere, 'content'), contentType), 'a media type entry must be an object')
    }
    if (!isObject(media) || contentType === undefined) {
      return { status, description: str(res.description), contentType: null, schema: null, examples: [] }
    }
    const mediaWhere = at(at(resWhere, 'content'), contentType)
    const schema = schemaOf(media.schema, r, at(mediaWhere, 'schema'))
    return {
      status,
      description: str(res.description),
      contentType,
      schema,
      examples: mediaExamples(media, schema, r, mediaWhere)
    }
  })
}
