import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { requestTab } from './helpers'

// Import a Swagger 2.0 file with a dangling $ref, see the import report, open an operation.
const SWAGGER = resolve(import.meta.dirname, '../main/core/catalog-import/fixtures/petstore-swagger2-dangling.json')

test('import a Swagger 2.0 file with a dangling $ref: report, imported group, open an operation, remove', async ({ app, bridge }) => {
  bridge.setPickedFile(SWAGGER)
  await app.getByTestId('import-openapi').click()

  const report = app.getByTestId('import-report')
  await expect(report.getByTestId('import-report-summary')).toHaveText('Imported 4 operations from petstore-swagger2-dangling.json (Swagger 2.0, JSON).')
  const skipped = report.getByTestId('import-report-skipped')
  await expect(skipped).toContainText('#/components/schemas/Owner points to nothing; replaced by an open schema')
  await expect(skipped).toContainText('parameter $ref "#/components/parameters/MissingParam" points to nothing')
  await expect(skipped).toContainText('"200 OK"')
  await report.getByText(/^Notes/).click()
  await expect(report.getByTestId('import-report-notes')).toContainText('No security schemes declared')
  // Markup in the file is text: shown literally, never turned into elements.
  await expect(report.getByTestId('import-report-title')).toHaveText('Pet store <b>v2</b>')
  await expect(report.locator('b, img')).toHaveCount(0)

  // The catalog is its own group in the sidebar and searchable like the built-in ones.
  const group = app.getByTestId('imported-catalog')
  await expect(group).toContainText('Pet store <b>v2</b> (4)')
  await app.getByTestId('catalog-search').fill('create pet')
  const create = app.locator('[data-testid="catalog-op"][data-op-id$=":createPet"]')
  await expect(create).toContainText('Pet store <b>v2</b> · /v2/pets')
  await create.click()
  const panel = app.getByTestId('operation-panel')
  await expect(panel.locator('.operation-path')).toHaveText('/v2/pets')
  await expect(app.getByLabel('Method')).toHaveValue('POST')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/v2/pets')
  await requestTab(app, /^Body/).click()
  await expect(app.getByTestId('body-json-editor').locator('.view-lines')).toContainText('"tag": "dog"')
  await app.getByTestId('catalog-search').fill('')

  // It survives a reload (persisted by main), and the report can be shown again from its group.
  await app.reload()
  await expect(group).toBeVisible()
  await expect(app.getByTestId('import-report')).toHaveCount(0)
  await group.getByRole('button', { name: 'Report' }).click()
  await expect(app.getByTestId('import-report-summary')).toContainText('Imported 4 operations')

  await group.getByRole('button', { name: /^Remove / }).click()
  await expect(group).toHaveCount(0)
  await expect(app.getByTestId('import-report')).toHaveCount(0)
})

test('a file that is not OpenAPI gets a readable error and imports nothing', async ({ app, bridge }) => {
  bridge.setPickedFile(resolve(import.meta.dirname, '../../package.json'))
  await app.getByTestId('import-openapi').click()
  await expect(app.getByTestId('import-problem')).toHaveText(/package\.json could not be imported: it has no "openapi" or "swagger" field/)
  await expect(app.getByTestId('imported-catalog')).toHaveCount(0)
})
