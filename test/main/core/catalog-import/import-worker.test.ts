import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openImportedCatalogStore } from '../../../../src/main/core/catalog-import/imported-store'
import { catalogImportWorkerFromSource } from '../../../../scripts/worker-source'
import { AppError } from '../../../../src/shared/model/errors'

/*
 * Importing a heavy file must not block main's event loop (the app froze 7-25 s). The import runs
 * in a worker thread: main keeps ticking meanwhile, and Cancel ends it. Ticks are counted, no wall-clock thresholds.
 */

/** Every operation answers with one schema of a mesh (each schema refers to all the others): heavy to inline. */
function heavyDocument(operations: number, mesh: number): string {
  const schemas: Record<string, unknown> = {}
  for (let i = 0; i < mesh; i++) {
    const properties: Record<string, unknown> = {}
    for (let j = 0; j < mesh; j++) if (j !== i) properties[`to${j}`] = { $ref: `#/components/schemas/S${j}` }
    schemas[`S${i}`] = { type: 'object', properties }
  }
  const paths: Record<string, unknown> = {}
  for (let n = 0; n < operations; n++) {
    paths[`/op${n}`] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/S${n % mesh}` } } } } } } }
  }
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Heavy', version: '1' }, paths, components: { schemas } })
}

/** Counts timer ticks on this thread until stopped: a blocked event loop counts none. */
function tickCounter(): { ticks(): number; stop(): void } {
  let ticks = 0
  let timer = setTimeout(function tick() {
    ticks++
    timer = setTimeout(tick, 1)
  }, 1)
  return { ticks: () => ticks, stop: () => clearTimeout(timer) }
}

let root: string
let file: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'import-worker-'))
  file = join(root, 'heavy.json')
  await writeFile(file, heavyDocument(16, 9))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('catalog import in a worker thread', () => {
  it("main's event loop keeps ticking while a heavy file is imported", async () => {
    const inThread = tickCounter()
    await openImportedCatalogStore(join(root, 'a')).importFile(file)
    inThread.stop()

    const store = openImportedCatalogStore(join(root, 'b'), catalogImportWorkerFromSource())
    const inWorker = tickCounter()
    const catalog = await store.importFile(file)
    inWorker.stop()
    expect(catalog.operations).toHaveLength(16)
    expect(catalog.report.notes.some((note) => note.includes('truncated'))).toBe(true)
    // In this thread the import blocks the loop for its whole length; in the worker the loop runs meanwhile.
    expect(inWorker.ticks()).toBeGreaterThan(Math.max(50, inThread.ticks() * 5))
    expect((await store.list()).catalogs.map((c) => c.id)).toEqual([catalog.id])
  }, 60_000)

  it('cancel stops the import: nothing is stored, the error says it was cancelled', async () => {
    const store = openImportedCatalogStore(root, catalogImportWorkerFromSource())
    const controller = new AbortController()
    const importing = store.importFile(file, controller.signal)
    setTimeout(() => controller.abort(), 20)
    const error = await importing.then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect(error).toMatchObject({ code: 'CANCELLED' })
    expect(await readdir(join(root, 'catalogs')).catch(() => [])).toEqual([])
    expect((await store.list()).catalogs).toEqual([])
  }, 60_000)

  it('a bad file is the same readable error from the worker as in this thread', async () => {
    const bad = join(root, 'bad.yaml')
    await writeFile(bad, 'key: [unclosed\n  - : :')
    const store = openImportedCatalogStore(root, catalogImportWorkerFromSource())
    await expect(store.importFile(bad)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/bad\.yaml could not be imported: not valid YAML/) })
  }, 60_000)
})
