import fc from 'fast-check'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { importOpenApi } from '../../src/main/core/catalog-import/import-openapi'
import { ImportedCatalogSchema } from '../../src/shared/catalog/imported'
import { AppError } from '../../src/shared/model/errors'
import { nasty, returnsOrAppError } from './arbitraries'

// OpenAPI 3.x / Swagger 2.0 import (main/core/catalog-import/import-openapi.ts): any file is imported or refused with
// a readable message, and generated documents import with every operation either listed or reported as skipped.

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const
const segment = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), fc.stringMatching(/^\{[a-z]{1,6}\}$/), nasty(6))
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`)
const junk = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ $ref: fc.oneof(nasty(20), fc.constant('#/components/schemas/Missing'), fc.constant('#/')) }))
const schema = fc.oneof(
  fc.record({ type: fc.constantFrom('string', 'integer', 'object', 'array', 'boolean'), description: nasty(15) }, { requiredKeys: ['type'] }),
  fc.record({ $ref: fc.constantFrom('#/components/schemas/Thing', '#/components/schemas/Missing') }),
  junk
)
const parameter = fc.record(
  { name: nasty(8), in: fc.oneof(fc.constantFrom('query', 'header', 'path', 'cookie'), nasty(5)), required: fc.boolean(), schema, description: nasty(15) },
  { requiredKeys: ['name', 'in'] }
)
const operation = fc.record(
  {
    operationId: nasty(12),
    summary: nasty(20),
    tags: fc.array(nasty(8), { maxLength: 2 }),
    parameters: fc.array(fc.oneof({ weight: 4, arbitrary: parameter }, { weight: 1, arbitrary: junk }), { maxLength: 3 }),
    requestBody: fc.record({ content: fc.dictionary(fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'), fc.record({ schema, example: fc.jsonValue({ maxDepth: 2 }) }), { maxKeys: 2 }) }),
    responses: fc.dictionary(fc.constantFrom('200', '201', '400', 'default'), fc.record({ description: nasty(10) }), { maxKeys: 2 })
  },
  { requiredKeys: [] }
)
const pathItem = fc.dictionary(fc.constantFrom(...METHODS), operation, { minKeys: 1, maxKeys: 3 })
const openapi3 = fc.record({
  openapi: fc.constantFrom('3.0.3', '3.1.0'),
  info: fc.record({ title: nasty(15), version: fc.constant('1') }),
  servers: fc.array(fc.record({ url: fc.oneof(fc.webUrl(), nasty(10)) }), { maxLength: 2 }),
  paths: fc.dictionary(path, pathItem, { minKeys: 1, maxKeys: 5 }),
  components: fc.record({ schemas: fc.record({ Thing: fc.record({ type: fc.constant('object'), properties: fc.dictionary(nasty(6), schema, { maxKeys: 3 }) }) }) })
})
const swagger2 = fc.record({
  swagger: fc.constant('2.0'),
  info: fc.record({ title: nasty(15), version: fc.constant('1') }),
  host: fc.domain(),
  basePath: fc.oneof(fc.constant('/api'), nasty(6)),
  paths: fc.dictionary(path, fc.dictionary(fc.constantFrom(...METHODS), fc.record({ operationId: nasty(10), parameters: fc.array(fc.oneof(parameter, junk), { maxLength: 3 }) }, { requiredKeys: [] }), { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 4 })
})
const operationCount = (doc: { paths: Record<string, Record<string, unknown>> }): number =>
  Object.values(doc.paths).reduce((sum, item) => sum + Object.keys(item).length, 0)

function expectReadable(result: unknown, fileName: string): void {
  if (result instanceof AppError) expect(result.message).toContain(fileName)
}

describe('importOpenApi (property)', () => {
  it('any text (JSON, YAML, junk, truncated documents) is imported or refused with a message naming the file', () => {
    const junkDoc = fc.record({ openapi: fc.oneof(fc.constant('3.0.0'), junk), swagger: junk, paths: fc.oneof(junk, fc.dictionary(nasty(8), junk, { maxKeys: 3 })), info: junk }, { requiredKeys: [] })
    const text = fc.oneof(
      nasty(80),
      fc.json(),
      junkDoc.map((doc) => JSON.stringify(doc)),
      junkDoc.map((doc) => stringify(doc)),
      openapi3.map((doc) => JSON.stringify(doc).slice(0, -2)),
      openapi3.map((doc) => stringify(doc).replaceAll('  ', '\t'))
    )
    fc.assert(
      fc.property(text, fc.constantFrom('api.json', 'api.yaml', 'spec'), (body, fileName) => {
        expectReadable(returnsOrAppError(() => importOpenApi(body, fileName), ['INVALID_INPUT']), fileName)
      }),
      { numRuns: 1000 }
    )
  })

  it('generated OpenAPI 3 and Swagger 2 documents (JSON or YAML) list every operation or report it as skipped', () => {
    let imported = 0
    fc.assert(
      fc.property(fc.oneof(openapi3, swagger2), fc.boolean(), (doc, yaml) => {
        const fileName = yaml ? 'gen.yaml' : 'gen.json'
        const text = yaml ? stringify(doc) : JSON.stringify(doc)
        const result = returnsOrAppError(() => importOpenApi(text, fileName, { now: new Date(0) }), ['INVALID_INPUT'])
        if (result instanceof AppError) {
          // Refused only when nothing at all could be read, and then it says why.
          expect(result.message).toMatch(/could not be imported: no operation could be read/)
          return
        }
        ImportedCatalogSchema.parse(result.catalog)
        imported += 1
        expect(result.report.imported).toBe(result.catalog.operations.length)
        expect(result.report.imported).toBeLessThanOrEqual(operationCount(doc))
        if (result.report.imported < operationCount(doc)) expect(result.report.skipped.length).toBeGreaterThan(0)
        expect(importOpenApi(text, fileName, { now: new Date(0) }).catalog.id).toBe(result.catalog.id)
      }),
      { numRuns: 600 }
    )
    // The generator is meant to produce importable documents: most runs must get past the refusal branch.
    expect(imported).toBeGreaterThan(300)
  })

  it('a YAML alias bomb is refused, not expanded', () => {
    const lines = ['openapi: 3.0.0', 'a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for (let i = 0; i < 12; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)
    lines.push('paths: {}')
    const result = returnsOrAppError(() => importOpenApi(lines.join('\n'), 'bomb.yaml'), ['INVALID_INPUT'])
    expect(result).toBeInstanceOf(AppError)
  })
})
