import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

// The operation form is typed from the schema and a send is refused until the parameters fit (src/renderer/src/
// features/request-editor/param-rules.ts); credentials in examples never reach the request.
test.use({ coreSandbox: {} })

async function openOperation(app: Page, env: string, search: string, opId: string): Promise<void> {
  await app.getByTestId('environment').selectOption({ label: env })
  await app.getByTestId('catalog-search').fill(search)
  await app.locator(`[data-testid="catalog-op"][data-op-id="${opId}"]`).click()
  await expect(app.getByTestId('operation-panel')).toHaveAttribute('data-op-id', opId)
}

const field = (app: Page, name: string) => app.getByTestId('operation-panel').locator(`[data-testid="param-field"][data-param="${name}"]`)

test('an integer refuses abc, an epoch shows its UTC time, and Send names what is wrong or missing', async ({ app }) => {
  await openOperation(app, 'Sandbox · Netskope tenant', 'alert events', 'netskope:eventsDataAlert')
  const limit = field(app, 'limit').getByRole('textbox')
  await limit.fill('abc')
  await expect(field(app, 'limit').getByTestId('param-problem')).toHaveText('limit must be a whole number.')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toHaveText('Parameter limit (query) must be a whole number, not "abc".')
  await expect(app.getByTestId('status')).toHaveCount(0)

  await limit.fill('10')
  await expect(field(app, 'limit').getByTestId('param-problem')).toHaveCount(0)
  await field(app, 'starttime').locator('input[type="text"]').fill('1708950000')
  await expect(field(app, 'starttime').getByTestId('epoch-human')).toHaveText('2024-02-26 12:20:00 UTC')
  await field(app, 'endtime').getByLabel('Pick endtime as a UTC date and time').fill('2024-02-26T13:00:00')
  await expect(field(app, 'endtime').locator('input[type="text"]')).toHaveValue('1708952400')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/events/data/alert?limit=10&starttime=1708950000&endtime=1708952400')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
})

test('a missing required path parameter is named and never sent as {id}', async ({ app }) => {
  await openOperation(app, 'Sandbox · Netskope tenant', 'urllist', 'netskope:urllistAppend')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/policy/urllist/{id}/append')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toHaveText('Required parameter missing: id (path).')
  await expect(app.getByTestId('status')).toHaveCount(0)

  // Closing the form leaves the URL with {id}: still refused, with the reason.
  await app.getByRole('button', { name: 'Close operation' }).click()
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toContainText('The URL still contains {id}')
})

test('Data Export: the required operation parameter blocks Send until it is set, in the form or the URL', async ({ app }) => {
  await openOperation(app, 'Sandbox · Netskope tenant', 'dataexport alert', 'netskope:dataexportEventsAlert')
  await expect(field(app, 'operation').getByTestId('required-mark')).toBeVisible()
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toHaveText('Required parameter missing: operation (query).')
  await app.getByLabel('URL', { exact: true }).fill('/api/v2/events/dataexport/events/alert?index=e2e&operation=1708950000')
  await expect(field(app, 'operation').getByRole('combobox')).toHaveValue('1708950000')
  await expect(field(app, 'operation').getByTestId('epoch-human')).toHaveText('2024-02-26 12:20:00 UTC')
  await field(app, 'operation').getByRole('combobox').fill('next')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/events/dataexport/events/alert?index=e2e&operation=next')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
})

test('the Netskope v1 example adds no token field: the environment supplies the credential', async ({ app }) => {
  await openOperation(app, 'Sandbox · Netskope tenant', 'app instances', 'netskope:v1AppInstancesValidateToken')
  await app.getByTestId('fill-examples').click()
  await expect(app.getByLabel('URL', { exact: true })).not.toHaveValue(/token/)
  await app.getByRole('tab', { name: /^Body/ }).click()
  await expect(app.getByTestId('form-table')).toBeVisible()
  await expect(app.getByTestId('form-table').locator('input[value="token"]')).toHaveCount(0)
  await expect(app.getByText('YOUR_V1_TOKEN')).toHaveCount(0)
  await app.getByTestId('snippet-toggle').click()
  const snippet = app.getByTestId('snippet-panel').getByTestId('snippet-text')
  await expect(snippet).toContainText('/api/v1/app_instances')
  expect(await snippet.textContent()).not.toContain('YOUR_V1_TOKEN')
})

test('at 1024x640 the typed inputs fit the form: nothing in it scrolls sideways', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 640 })
  await openOperation(app, 'Sandbox · Netskope tenant', 'alert events', 'netskope:eventsDataAlert')
  await field(app, 'starttime').locator('input[type="text"]').fill('1708950000')
  await expect(field(app, 'starttime').getByTestId('epoch-human')).toBeVisible()
  const form = app.getByTestId('param-form')
  const overflow = await form.evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  // Every field's input row stays inside the form's box.
  const formBox = await form.boundingBox()
  for (const name of ['limit', 'starttime']) {
    const box = await field(app, name).locator('.param-input').boundingBox()
    expect(box && formBox && box.x + box.width <= formBox.x + formBox.width + 1).toBe(true)
  }
})
