import { validate } from '@readme/openapi-parser'
import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { BUILTIN_CATALOGS } from '@shared/catalog/builtin'
import { readBuiltin } from './builtin-docs'

describe.each(BUILTIN_CATALOGS.map((c) => [c.file, c] as const))('built-in catalog %s', (file, entry) => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = readBuiltin(file)
    expect(doc.openapi).toBe('3.1.0')
    const result = await validate(doc as Parameters<typeof validate>[0])
    const errors = result.valid ? [] : result.errors.map((e) => e.message)
    expect(errors).toEqual([])
    expect(result.specification).toBe('OpenAPI')
  })

  it('declares its API and every operation has an id, summary, description, tags and a response', () => {
    const doc = readBuiltin(file)
    const ops = loadCatalog(doc)
    expect(ops.length).toBeGreaterThan(0)
    for (const op of ops) {
      expect(op.api, op.id).toBe(entry.api)
      expect(op.operationId, op.id).not.toBeNull()
      expect(op.summary.length, op.id).toBeGreaterThan(5)
      expect(op.description.length, op.id).toBeGreaterThan(20)
      expect(op.tags.length, op.id).toBeGreaterThan(0)
      expect(op.responses.length, op.id).toBeGreaterThan(0)
    }
  })

  it('gives every parameter a schema with a type (or union) and an example', () => {
    for (const op of loadCatalog(readBuiltin(file))) {
      for (const p of op.parameters) {
        const where = `${op.id} ${p.in}:${p.name}`
        expect(p.description.length, where).toBeGreaterThan(3)
        expect(p.schema.type ?? p.schema.anyOf ?? p.schema.oneOf, where).toBeDefined()
        expect(p.example, where).toBeDefined()
      }
    }
  })

  it('gives every request body at least one example', () => {
    for (const op of loadCatalog(readBuiltin(file))) {
      if (op.requestBody) expect(op.requestBody.examples.length, op.id).toBeGreaterThan(0)
    }
  })
})

describe('the OpenAPI check itself', () => {
  it('reports a 3.1 document with a broken operation', async () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 'broken', version: '1' },
      paths: { '/x/{id}': { get: { responses: { 200: { content: {} } } } } }
    }
    const result = await validate(broken as unknown as Parameters<typeof validate>[0])
    expect(result.valid).toBe(false)
  })
})
