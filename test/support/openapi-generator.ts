/**
 * Generates large, realistic-looking OpenAPI 3.0 / Swagger 2.0 documents (for the importer's scale test and for
 * bench/catalog.ts). Deterministic: the same options give the same text.
 */
import { stringify } from 'yaml'

export interface GenerateOptions {
  /** Number of paths; each has a GET and a POST, so operations = 2 * paths. */
  paths: number
  format: 'openapi-json' | 'openapi-yaml' | 'swagger-json'
  /** Words in each description (the knob for file size). */
  descriptionWords?: number
}

const WORDS = ['alert', 'policy', 'tenant', 'event', 'client', 'domain', 'export', 'index', 'token', 'scope', 'user', 'risk', 'cloud', 'app', 'list', 'file', 'network', 'page']
const RESOURCES = ['alerts', 'policies', 'tenants', 'events', 'clients', 'domains', 'exports', 'users', 'apps', 'files', 'networks', 'incidents']

function words(seed: number, count: number): string {
  const out: string[] = []
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 31 + i * 7) % WORDS.length] as string)
  return out.join(' ')
}

function recordSchema(i: number): Record<string, unknown> {
  const properties: Record<string, unknown> = {}
  for (let p = 0; p < 12; p++) {
    properties[`field_${p}`] = { type: p % 3 === 0 ? 'integer' : 'string', description: words(i + p, 12), example: p % 3 === 0 ? p : `value-${p}` }
  }
  return { type: 'object', required: ['field_0', 'field_1'], properties }
}

/** A document with `paths` paths, GET (list, query parameters) and POST (JSON body) on each, shared schemas by $ref. */
export function generateOpenApi(options: GenerateOptions): string {
  const n = options.paths
  const describe = (i: number): string => words(i, options.descriptionWords ?? 120)
  const swagger = options.format === 'swagger-json'
  const ref = (name: string): string => (swagger ? `#/definitions/${name}` : `#/components/schemas/${name}`)
  const schemas: Record<string, unknown> = {}
  const paths: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) {
    const resource = `${RESOURCES[i % RESOURCES.length]}${Math.floor(i / RESOURCES.length)}`
    const schemaName = `Record${i % 50}`
    schemas[schemaName] ??= recordSchema(i)
    const query = [
      { name: 'limit', in: 'query', description: 'Page size', ...(swagger ? { type: 'integer', default: 100 } : { schema: { type: 'integer', default: 100 } }) },
      { name: 'filter', in: 'query', description: describe(i).slice(0, 80), ...(swagger ? { type: 'string' } : { schema: { type: 'string' } }) }
    ]
    const listResponse = swagger
      ? { description: 'The records', schema: { type: 'array', items: { $ref: ref(schemaName) } } }
      : { description: 'The records', content: { 'application/json': { schema: { type: 'array', items: { $ref: ref(schemaName) } } } } }
    const post = swagger
      ? { parameters: [{ name: 'body', in: 'body', required: true, schema: { $ref: ref(schemaName) } }], responses: { 201: { description: 'Created' } } }
      : {
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: ref(schemaName) }, example: { field_0: 1, field_1: 'x' } } } },
          responses: { 201: { description: 'Created' } }
        }
    paths[`/api/v1/${resource}/{id}/items`] = {
      parameters: [{ name: 'id', in: 'path', required: true, description: 'Parent id', ...(swagger ? { type: 'string' } : { schema: { type: 'string' } }) }],
      get: { operationId: `list_${i}`, summary: `List ${resource} items`, description: describe(i), tags: [RESOURCES[i % RESOURCES.length]], parameters: query, responses: { 200: listResponse } },
      post: { operationId: `create_${i}`, summary: `Create a ${resource} item`, description: describe(i + 1), tags: [RESOURCES[i % RESOURCES.length]], ...post }
    }
  }
  const info = { title: `Generated API (${n} paths)`, version: '1.0.0' }
  const doc = swagger
    ? { swagger: '2.0', info, host: 'api.example.com', basePath: '/', schemes: ['https'], consumes: ['application/json'], paths, definitions: schemas }
    : { openapi: '3.0.3', info, servers: [{ url: 'https://api.example.com' }], paths, components: { schemas } }
  return options.format === 'openapi-yaml' ? stringify(doc) : JSON.stringify(doc, null, 2)
}
