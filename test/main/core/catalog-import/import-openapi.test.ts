import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importOpenApi } from '../../../../src/main/core/catalog-import/import-openapi'
import { ImportedCatalogSchema } from '../../../../src/shared/catalog/imported'
import { AppError } from '../../../../src/shared/model/errors'
import { generateOpenApi } from '../../../support/openapi-generator'

const FIXTURES = join(import.meta.dirname, 'fixtures')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const byOperationId = (ops: ReturnType<typeof importOpenApi>['catalog']['operations'], id: string) => {
  const op = ops.find((o) => o.operationId === id)
  if (!op) throw new Error(`no operation ${id}`)
  return op
}

function importError(text: string, name = 'bad.yaml'): AppError {
  try {
    importOpenApi(text, name)
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

describe('importOpenApi: OpenAPI 3.0 YAML', () => {
  const { catalog, report } = importOpenApi(fixture('orders-openapi3.yaml'), 'orders-openapi3.yaml')

  it('imports every readable operation under the server base path, with parameters, body and security', () => {
    expect(report).toMatchObject({ sourceVersion: 'OpenAPI 3.0.3', sourceSyntax: 'yaml', imported: 3 })
    expect(catalog.operations.map((o) => `${o.method} ${o.path}`)).toEqual(['GET /api/v3/orders', 'POST /api/v3/orders', 'GET /api/v3/orders/{id}'])
    const create = byOperationId(catalog.operations, 'createOrder')
    expect(create.requestBody?.examples[0]?.value).toEqual({ item: 'A-1', quantity: 2 })
    expect(create.requestBody?.schema).toMatchObject({ required: ['item', 'quantity'] })
    expect(create.security).toEqual(['bearer'])
    expect(byOperationId(catalog.operations, 'listOrders').parameters[0]).toMatchObject({ name: 'status', enum: ['open', 'closed'] })
    expect(catalog.servers).toEqual(['https://{region}.orders.example.com/api/v3'])
    expect(catalog.api).toBe('generic')
  })

  it('skips the broken operation and says why', () => {
    expect(report.skipped).toHaveLength(1)
    expect(report.skipped[0]?.where).toBe('paths["/api/v3/orders/{id}"].delete')
    expect(report.skipped[0]?.reason).toMatch(/"in" = "query-string"/)
    expect(report.notes.join('\n')).toMatch(/prefixed with the server's base path \/api\/v3/)
  })

  it('gives operation ids that cannot clash with the built-in catalogs, and a catalog that passes its own schema', () => {
    for (const op of catalog.operations) expect(op.id.startsWith(`imported:${catalog.id}:`)).toBe(true)
    expect(ImportedCatalogSchema.safeParse(JSON.parse(JSON.stringify(catalog))).success).toBe(true)
    expect(importOpenApi(fixture('orders-openapi3.yaml'), 'orders-openapi3.yaml').catalog.id).toBe(catalog.id)
  })
})

describe('importOpenApi: Swagger 2.0 JSON with dangling $refs', () => {
  const { catalog, report } = importOpenApi(fixture('petstore-swagger2-dangling.json'), 'petstore.json')

  it('converts host/basePath/schemes, body and formData parameters, and response schemas', () => {
    expect(report).toMatchObject({ sourceVersion: 'Swagger 2.0', sourceSyntax: 'json', imported: 4 })
    expect(catalog.servers).toEqual(['https://petstore.example.com/v2'])
    const create = byOperationId(catalog.operations, 'createPet')
    expect(create.path).toBe('/v2/pets')
    expect(create.requestBody).toMatchObject({ contentType: 'application/json', required: true })
    expect(create.requestBody?.schema).toMatchObject({ required: ['name'], properties: { tag: { enum: ['dog', 'cat'] } } })
    expect(create.requestBody?.examples[0]?.value).toEqual({ name: 'Rex', tag: 'dog' })
    const upload = byOperationId(catalog.operations, 'uploadPhoto')
    expect(upload.requestBody?.contentType).toBe('multipart/form-data')
    expect(upload.requestBody?.schema).toMatchObject({ required: ['file'], properties: { file: { type: 'string', format: 'binary' } } })
    const get = byOperationId(catalog.operations, 'getPet')
    expect(get.parameters).toMatchObject([{ name: 'petId', in: 'path', required: true, example: 1 }])
    expect(get.responses.find((r) => r.status === '200')?.examples[0]?.value).toEqual({ id: 1, name: 'Rex' })
    expect(get.responses.find((r) => r.status === '404')?.description).toBe('No such pet')
    expect(byOperationId(catalog.operations, 'listPets').parameters).toMatchObject([{ name: 'limit', default: 20, example: 5 }])
  })

  it('lists each dangling $ref once, replaces it with an open schema, and drops what cannot be used', () => {
    const where = report.skipped.map((s) => s.where)
    expect(where).toContain('#/components/schemas/Owner')
    expect(where).toContain('#/components/schemas/Error')
    expect(where).toContain('paths["/v2/pets"].get.parameters[1]')
    expect(where).toContain('paths["/v2/pets"].get.responses["200 OK"]')
    const owner = byOperationId(catalog.operations, 'createPet').responses[0]?.schema?.properties
    expect(owner).toMatchObject({ owner: { $comment: 'unresolved reference #/components/schemas/Owner' } })
    expect(report.notes.join('\n')).toMatch(/No security schemes/)
  })

  it('keeps markup from the file as plain text', () => {
    expect(catalog.title).toBe('Pet store <b>v2</b>')
    expect(byOperationId(catalog.operations, 'listPets').summary).toBe('List pets <img src=x onerror=alert(1)>')
  })
})

describe('importOpenApi: Postman-style placeholders, no servers, no security', () => {
  const { catalog, report } = importOpenApi(fixture('postman-placeholders.yaml'), 'postman.yaml')

  it('drops a leading {{baseUrl}}, keeps {{variables}} inside paths, and notes both', () => {
    expect(catalog.operations.map((o) => o.path)).toEqual(['/api/{{version}}/users', '/api/{{version}}/users/{id}', '/health'])
    expect(report.skipped).toEqual([])
    const notes = report.notes.join('\n')
    expect(notes).toMatch(/No servers listed/)
    expect(notes).toMatch(/No security schemes declared/)
    expect(notes).toMatch(/began with a host or a \{\{variable\}\}/)
    expect(notes).toMatch(/\{\{version\}\}: define them in the environment/)
    expect(catalog.operations.every((o) => o.security.length === 0)).toBe(true)
  })
})

describe('importOpenApi: input it cannot use', () => {
  it('explains garbage, wrong documents and empty ones', () => {
    expect(importError('openapi: 3.0.0\npaths: [unclosed\n  x: : y').message).toMatch(/bad\.yaml could not be imported: not valid YAML or JSON: .*line \d+, column \d+/)
    expect(importError('{"openapi": "3.0.0", "paths": {', 'bad.json').message).toMatch(/not valid JSON: .*line 1/)
    expect(importError('just some words').message).toMatch(/holds a string, not an OpenAPI or Swagger document/)
    expect(importError('').message).toMatch(/the file is empty/)
    expect(importError('{"name": "a package.json"}', 'package.json').message).toMatch(/no "openapi" or "swagger" field/)
    expect(importError('swagger: "1.2"\npaths: {}').message).toMatch(/version "1\.2" is not supported/)
    expect(importError('openapi: 3.1.0\ninfo: {title: t, version: "1"}').message).toMatch(/no paths/)
    expect(importError('openapi: 3.1.0\npaths:\n  /a:\n    get: 7').message).toMatch(/no operation could be read \(first problem: paths\["\/a"\]\.get/)
    expect(importError('\x00\x01\x02binary').code).toBe('INVALID_INPUT')
  })
})

describe('importOpenApi: scale', () => {
  it('imports a multi-megabyte spec with hundreds of paths, in each format', () => {
    for (const format of ['openapi-json', 'openapi-yaml', 'swagger-json'] as const) {
      const text = generateOpenApi({ paths: 400, format, descriptionWords: 300 })
      expect(text.length).toBeGreaterThan(2_000_000)
      const { catalog, report } = importOpenApi(text, `big-${format}`)
      expect(report.imported).toBe(800)
      expect(report.skipped).toEqual([])
      expect(catalog.operations[799]?.requestBody?.schema).toMatchObject({ required: ['field_0', 'field_1'] })
    }
  })
})

describe('importOpenApi: which API a document without info.x-api describes (the definitions\' importPaths)', () => {
  const doc = (paths: string[]): string =>
    JSON.stringify({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: Object.fromEntries(paths.map((path) => [path, { get: { operationId: path.replace(/\W+/g, '_'), responses: { '200': { description: 'ok' } } } }]))
    })

  it('recognises each vendor by most of its paths, else generic', () => {
    expect(importOpenApi(doc(['/api/v2/policy/urllist', '/api/v2/events/data/alert']), 'n.json').catalog.api).toBe('netskope')
    expect(importOpenApi(doc(['/v2/public/clouds/list', '/v2/public/user/info']), 'i.json').catalog.api).toBe('insightcloudsec')
    expect(importOpenApi(doc(['/devices/queries/devices/v1', '/alerts/queries/alerts/v2', '/other']), 'f.json').catalog.api).toBe('falcon')
    expect(importOpenApi(doc(['/devices/queries/devices/v1', '/a', '/b']), 'g.json').catalog.api).toBe('generic')
  })
})
