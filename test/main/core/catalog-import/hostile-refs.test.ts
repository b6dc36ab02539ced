import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openImportedCatalogStore } from '../../../../src/main/core/catalog-import/imported-store'
import { importOpenApi } from '../../../../src/main/core/catalog-import/import-openapi'

/*
 * A small OpenAPI file whose $refs fan out expands exponentially when every $ref is inlined.
 * Schema L0 has FAN properties that all point at L1, L1 at L2, ... so the inlined schema has FAN^DEPTH leaves while
 * the file stays a few KB.
 */
function fanOutDocument(fan: number, depth: number): string {
  const schemas: Record<string, unknown> = {}
  for (let level = 0; level < depth; level++) {
    const properties: Record<string, unknown> = {}
    for (let p = 0; p < fan; p++) properties[`p${p}`] = { $ref: `#/components/schemas/L${level + 1}` }
    schemas[`L${level}`] = { type: 'object', properties }
  }
  schemas[`L${depth}`] = { type: 'string', description: 'leaf' }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Fan-out', version: '1' },
    paths: { '/boom': { post: { operationId: 'boom', requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/L0' } } } }, responses: { '200': { description: 'ok' } } } } },
    components: { schemas }
  })
}

/** Every schema cross-references every other: inlining walks all orders of them (n! paths), not one per schema. */
function meshDocument(n: number): string {
  const schemas: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) {
    const properties: Record<string, unknown> = {}
    for (let j = 0; j < n; j++) if (j !== i) properties[`to${j}`] = { $ref: `#/components/schemas/S${j}` }
    schemas[`S${i}`] = { type: 'object', properties }
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Mesh', version: '1' },
    paths: { '/mesh': { get: { operationId: 'mesh', responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } } } } } } },
    components: { schemas }
  })
}

function nestedDocument(levels: number): string {
  return `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{"/x":{"get":{"responses":{"200":{"description":"ok"}}}}},"x-deep":${'['.repeat(levels)}${']'.repeat(levels)}}`
}

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'hostile-refs-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('hostile $refs in an imported OpenAPI file', () => {
  it('a 2.5 KB fan-out file is stored as a catalog of a few MB at most, and the report names the operation and the cap', async () => {
    const text = fanOutDocument(6, 7)
    expect(text.length).toBeLessThan(2600)
    const file = join(root, 'fan-out.json')
    await writeFile(file, text)
    const store = openImportedCatalogStore(root)
    const catalog = await store.importFile(file)
    const stored = await stat(join(root, 'catalogs', `${catalog.id}.json`))
    expect(stored.size).toBeLessThan(4 * 1024 * 1024)
    expect(catalog.operations).toHaveLength(1)
    const line = catalog.report.notes.find((note) => note.includes('truncated'))
    expect(line).toContain('paths["/boom"].post')
    expect(line).toMatch(/1 MB of expanded JSON per schema/)
    // The truncated schema says so where the user sees it (the editor's schema).
    expect(JSON.stringify(catalog.operations[0]?.requestBody)).toContain('truncated')
  })

  it('a mesh of cross-referencing schemas finishes with a bounded catalog instead of walking every order', () => {
    const { catalog } = importOpenApi(meshDocument(9), 'mesh.json')
    expect(JSON.stringify(catalog).length).toBeLessThan(34 * 1024 * 1024)
    expect(catalog.report.notes.some((note) => note.includes('paths["/mesh"].get') && note.includes('truncated'))).toBe(true)
  }, 60_000)

  it('refuses a document nested deeper than 128 levels, saying so', () => {
    expect(() => importOpenApi(nestedDocument(200), 'deep.json')).toThrow(/nested more than 128 levels/)
    expect(importOpenApi(nestedDocument(100), 'ok.json').catalog.operations).toHaveLength(1)
  })

  it('stores the catalog compact, without indentation', async () => {
    const file = join(root, 'small.json')
    await writeFile(file, fanOutDocument(2, 2))
    const catalog = await openImportedCatalogStore(root).importFile(file)
    const { readFile } = await import('node:fs/promises')
    const stored = await readFile(join(root, 'catalogs', `${catalog.id}.json`), 'utf8')
    expect(stored).not.toMatch(/\n {2}/)
  })
})
