import { expect, test } from './fixtures'
import type { Page } from '@playwright/test'

// A request's params, headers and body belong to the operation opened: nothing of the previous one is sent.
test.use({ coreSandbox: {} })

async function openOperation(app: Page, search: string, opId: string): Promise<void> {
  await app.getByTestId('catalog-search').fill(search)
  await app.locator(`[data-testid="catalog-op"][data-op-id="${opId}"]`).click()
  await expect(app.getByTestId('operation-panel')).toHaveAttribute('data-op-id', opId)
}

async function sentUrl(app: Page): Promise<string> {
  await app.getByTestId('response-panel').getByRole('tab', { name: 'Sent request' }).click()
  return (await app.getByTestId('request-echo').locator('.echo-line code').textContent()) ?? ''
}

async function openDataExport(app: Page): Promise<void> {
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await openOperation(app, 'dataexport alert', 'netskope:dataexportEventsAlert')
  await app.getByTestId('fill-examples').click()
  await expect(app.getByRole('tab', { name: 'Params (2)' })).toBeVisible()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/events/dataexport/events/alert?index=explorer_consumer_1&operation=next')
}

for (const target of [
  { env: 'Sandbox · Cloud Exchange', search: 'tenants', opId: 'cloud-exchange:ceTenantsList', path: '/api/tenants' },
  { env: 'Sandbox · InsightCloudSec', search: 'cloud types', opId: 'insightcloudsec:icsCloudTypesList', path: '/v2/public/cloudtypes/list' }
]) {
  test(`Data Export's index/operation are not sent to ${target.path} opened after it`, async ({ app }) => {
    await openDataExport(app)
    await app.getByTestId('environment').selectOption({ label: target.env })
    await openOperation(app, target.search, target.opId)

    await expect(app.getByLabel('URL', { exact: true })).toHaveValue(target.path)
    await expect(app.getByTestId('params-table-row')).toHaveCount(0)
    await app.getByTestId('snippet-toggle').click()
    const snippet = app.getByTestId('snippet-panel').getByTestId('snippet-text')
    await expect(snippet).toContainText(target.path)
    expect(await snippet.textContent()).not.toMatch(/index|explorer_consumer_1|operation=/)
    // The snippet drawer lies over the request pane: close it to reach Send.
    await app.getByTestId('snippet-toggle').click()

    await app.getByRole('button', { name: 'Send' }).click()
    await expect(app.getByTestId('status')).toHaveText(/^\d{3}/)
    const url = await sentUrl(app)
    expect(url).toContain(target.path)
    expect(url).not.toMatch(/index=|operation=/)
  })
}

test("typing another request's URL over Data Export's replaces its query: index/operation are not sent", async ({ app }) => {
  await openDataExport(app)
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Cloud Exchange' })
  await app.getByRole('button', { name: 'Close operation' }).click()
  await app.getByLabel('URL', { exact: true }).fill('/api/tenants')

  await expect(app.getByRole('tab', { name: 'Params', exact: true })).toBeVisible()
  await app.getByTestId('snippet-toggle').click()
  const snippet = app.getByTestId('snippet-panel').getByTestId('snippet-text')
  await expect(snippet).toContainText('/api/tenants')
  expect(await snippet.textContent()).not.toMatch(/explorer_consumer_1|operation=/)
  await app.getByTestId('snippet-toggle').click()
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText(/^\d{3}/)
  expect(await sentUrl(app)).not.toMatch(/index=|operation=/)
})
