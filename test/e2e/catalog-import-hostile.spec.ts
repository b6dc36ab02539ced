import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'

// A fanned-out $ref file imports capped, with a report line; a heavy import can be cancelled.
function meshDocument(operations: number, size: number): string {
  const schemas: Record<string, unknown> = {}
  for (let i = 0; i < size; i++) {
    const properties: Record<string, unknown> = {}
    for (let j = 0; j < size; j++) if (j !== i) properties[`to${j}`] = { $ref: `#/components/schemas/S${j}` }
    schemas[`S${i}`] = { type: 'object', properties }
  }
  const paths: Record<string, unknown> = {}
  for (let n = 0; n < operations; n++) {
    paths[`/op${n}`] = { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/S${n % size}` } } } } } } }
  }
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'Mesh', version: '1' }, paths, components: { schemas } })
}

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'hostile-')), name)
  await writeFile(path, text)
  return path
}

test('a file whose $refs fan out imports truncated, and the report says where and which cap', async ({ app, bridge }) => {
  bridge.setPickedFile(await file('mesh.json', meshDocument(1, 9)))
  await app.getByTestId('import-openapi').click()
  const report = app.getByTestId('import-report')
  await expect(report.getByTestId('import-report-summary')).toContainText('Imported 1 operation')
  await report.getByText(/^Notes/).click()
  await expect(report.getByTestId('import-report-notes')).toContainText('paths["/op0"].get.responses["200"]')
  await expect(report.getByTestId('import-report-notes')).toContainText('schema truncated, over 1 MB of expanded JSON per schema')
})

test('Cancel stops a heavy import: nothing is imported and no error is shown', async ({ app, bridge }) => {
  bridge.setPickedFile(await file('heavy.json', meshDocument(60, 9)))
  await app.getByTestId('import-openapi').click()
  await app.getByTestId('cancel-import').click()
  await expect(app.getByTestId('cancel-import')).toHaveCount(0)
  await expect(app.getByTestId('import-openapi')).toBeEnabled()
  await expect(app.getByTestId('imported-catalog')).toHaveCount(0)
  await expect(app.getByTestId('import-problem')).toHaveCount(0)
  expect((await bridge.core.importedCatalogs.list()).catalogs).toEqual([])
})
