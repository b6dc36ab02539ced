import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { requestTab } from './helpers'

// Text from an imported file reaches Monaco's hover as plain text, never as Markdown.
const HOSTILE = {
  openapi: '3.0.3',
  info: { title: 'Hover', version: '1' },
  paths: {
    '/notes': {
      post: {
        operationId: 'addNote',
        requestBody: {
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  note: { type: 'string', markdownDescription: 'Read **bold** then [click here](https://phish.example/login)' }
                }
              },
              example: { note: 'hello' }
            }
          }
        },
        responses: { '200': { description: 'ok' } }
      }
    }
  }
}

test('a Markdown description in an imported schema shows as literal text in the body hover, with no link', async ({ app, bridge }) => {
  const file = join(await mkdtemp(join(tmpdir(), 'hover-')), 'hover.json')
  await writeFile(file, JSON.stringify(HOSTILE))
  bridge.setPickedFile(file)
  await app.getByTestId('import-openapi').click()
  await expect(app.getByTestId('import-report-summary')).toContainText('Imported 1 operation')
  await app.locator('[data-testid="catalog-op"][data-op-id$=":addNote"]').click()
  await requestTab(app, /^Body/).click()
  const editor = app.getByTestId('body-json-editor')
  const key = editor.locator('.view-line span span', { hasText: '"note"' }).first()
  await expect(key).toBeVisible()
  const hover = app.locator('.monaco-hover-content', { hasText: 'Read' })
  // The schema reaches Monaco's JSON worker a moment after the editor shows: hover again until the hover has it.
  await expect(async () => {
    await app.mouse.move(0, 0)
    await key.hover()
    await expect(hover).toBeVisible({ timeout: 1500 })
  }).toPass({ timeout: 15_000 })
  // Literal Markdown (Monaco's own escaping may leave a stray backslash near the parenthesis), and nothing clickable.
  await expect(hover).toContainText('Read **bold** then [click here](https://phish.example/login')
  await expect(hover.locator('a, strong, b')).toHaveCount(0)
})
