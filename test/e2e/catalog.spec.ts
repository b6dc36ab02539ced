import { expect, test } from './fixtures'
import { rawBody, requestTab, setJsonBody } from './helpers'

// The catalog against the built-in sandbox: find an endpoint, fill it from its examples, send it.
test.use({ coreSandbox: {} })

test('search "urllist", open append, fill examples, validate the body, send to the sandbox', async ({ app }) => {
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  const search = app.getByTestId('catalog-search')
  await search.fill('urllist')
  const append = app.locator('[data-testid="catalog-op"][data-op-id="netskope:urllistAppend"]')
  await expect(append).toContainText('PATCH')
  await append.click()

  const panel = app.getByTestId('operation-panel')
  await expect(panel).toHaveAttribute('data-op-id', 'netskope:urllistAppend')
  await expect(app.getByLabel('Method')).toHaveValue('PATCH')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/policy/urllist/{id}/append')

  // The path parameter is required and empty: marked and highlighted until filled.
  const id = panel.locator('[data-testid="param-field"][data-param="id"]')
  await expect(id.getByTestId('required-mark')).toBeVisible()
  await expect(id).toHaveClass(/param-missing/)
  await expect(id.getByRole('textbox')).toHaveAttribute('aria-invalid', 'true')
  await expect(panel.getByTestId('missing-required')).toHaveText('Required: id')

  await panel.getByTestId('fill-examples').click()
  await expect(id).not.toHaveClass(/param-missing/)
  await expect(id.getByRole('textbox')).toHaveValue('1')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/policy/urllist/1/append')
  await expect(panel.getByTestId('url-preview')).toHaveText(/^URL https:\/\/[^/]+\/api\/v2\/policy\/urllist\/1\/append$/)

  // The body follows the operation's schema: a wrong type is flagged in the editor, the example is clean.
  await setJsonBody(app, '{"data": {"urls": "not-an-array", "type": "exact"}}')
  const editor = app.getByTestId('body-json-editor')
  await expect(editor.locator('.squiggly-warning').first()).toBeVisible()
  // The same schema drives completion: enum values of data.type are offered.
  await setJsonBody(app, '{"data": {"urls": ["c.example.com"], "type": ')
  await app.keyboard.press('Control+Space')
  const suggestions = app.locator('.suggest-widget')
  await expect(suggestions).toContainText('"regex"')
  await expect(suggestions).toContainText('"exact"')
  await app.keyboard.press('Escape')
  await panel.getByTestId('request-example').selectOption({ index: 1 })
  await expect(editor.locator('.view-lines')).toContainText('c.example.com')
  await expect(editor.locator('.squiggly-warning, .squiggly-error')).toHaveCount(0)
  // ... and hovering a property shows its description from the schema.
  await editor.locator('.view-line span', { hasText: '"urls"' }).first().hover()
  await expect(app.locator('.monaco-hover').first()).toContainText('only a leading')

  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  const body = await rawBody(app)
  expect(body).toContain('c.example.com')
  expect(body).toContain('bad.example.com')

  // The documented responses are listed with their status, as text.
  await panel.getByText(/^Documented responses/).click()
  await panel.getByTestId('response-example').selectOption({ label: '400 — Invalid entries' })
  await expect(panel.getByTestId('response-example-status')).toContainText('Status 400')
  await expect(panel.locator('.response-example-body')).toContainText('Invalid wildcard')
})

test('the catalog search: arrows and Enter open a result', async ({ app }) => {
  const search = app.getByTestId('catalog-search')
  await search.click()
  await expect(search).toBeFocused()
  await app.keyboard.type('dataexport alerts')
  const results = app.getByTestId('catalog-op')
  // Wait for the final result list (each keystroke replaces it and selects its first row).
  await expect(results.first()).toContainText('/dataexport/alerts/')
  await expect(results.nth(1)).toContainText('/dataexport/alerts/')
  await expect(results.first()).toHaveAttribute('aria-selected', 'true')
  const second = await results.nth(1).getAttribute('data-op-id')
  expect(second).toBeTruthy()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('ArrowUp')
  await expect(results.nth(1)).toHaveAttribute('aria-selected', 'true')
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('operation-panel')).toHaveAttribute('data-op-id', second ?? '')
})

test('the browse list is grouped, virtualised, and shows badges with the vendor caution', async ({ app }) => {
  const list = app.getByTestId('catalog-list')
  await expect(list.getByText('Netskope tenant API', { exact: false }).first()).toBeVisible()
  const total = Number(await list.getAttribute('data-total-rows'))
  expect(total).toBeGreaterThan(140)
  // Only the rows near the viewport are in the DOM.
  const rendered = await list.locator('.vlist-row').count()
  expect(rendered).toBeLessThan(total / 2)
  // Scrolling to the end renders the last rows.
  await list.evaluate((el) => {
    el.scrollTop = el.scrollHeight
    el.dispatchEvent(new Event('scroll'))
  })
  await expect(list.getByText('Rapid7 InsightCloudSec API')).toHaveCount(0)
  await expect(list.getByTestId('catalog-op').last()).toBeVisible()

  // Groups collapse and expand from their headers.
  await list.evaluate((el) => {
    el.scrollTop = 0
    el.dispatchEvent(new Event('scroll'))
  })
  const netskope = list.getByTestId('catalog-api').filter({ hasText: 'Netskope tenant API' })
  const netskopeOps = list.locator('[data-testid="catalog-op"][data-op-id^="netskope:"]')
  await expect(netskopeOps.first()).toBeVisible()
  await netskope.click()
  await expect(netskope).toHaveAttribute('aria-expanded', 'false')
  await expect(netskopeOps).toHaveCount(0)
  await expect(list.getByTestId('catalog-api').nth(1)).toContainText('Netskope Cloud Exchange API')
  await netskope.click()
  await expect(netskopeOps.first()).toBeVisible()

  await app.getByTestId('catalog-search').fill('prototype organizations')
  const prototype = app.locator('[data-badge="ics-namespace"]', { hasText: 'prototype' }).first()
  await expect(prototype).toBeVisible()
  await expect(prototype).toHaveAttribute('title', /prototype|support|change/i)
  await expect(prototype).not.toHaveAttribute('title', 'InsightCloudSec prototype API')
})

test('an enum parameter is a dropdown; the URL preview and the query rows follow it', async ({ app }) => {
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await app.getByTestId('catalog-search').fill('urllist')
  await app.locator('[data-testid="catalog-op"][data-op-id="netskope:urllistList"]').click()
  const panel = app.getByTestId('operation-panel')
  const preview = panel.getByTestId('url-preview')
  await expect(preview).toHaveText(/\/api\/v2\/policy\/urllist$/)
  await expect(panel.getByTestId('missing-required')).toHaveCount(0)

  const pending = panel.locator('[data-testid="param-field"][data-param="pending"]').getByRole('combobox')
  await expect(pending.locator('option')).toHaveText(['(not set)', '0', '1'])
  await pending.selectOption('1')
  await expect(preview).toHaveText(/\/api\/v2\/policy\/urllist\?pending=1$/)
  await expect(app.getByRole('tab', { name: 'Params (1)' })).toBeVisible()
  // Clicking the open operation again keeps what was typed.
  await app.locator('[data-testid="catalog-op"][data-op-id="netskope:urllistList"]').click()
  await expect(pending).toHaveValue('1')
  await expect(preview).toHaveText(/\?pending=1$/)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')

  await pending.selectOption('')
  await expect(preview).toHaveText(/\/api\/v2\/policy\/urllist$/)
  await expect(app.getByRole('tab', { name: 'Params', exact: true })).toBeVisible()
})

test("the selected environment's catalog is listed first", async ({ app }) => {
  const list = app.getByTestId('catalog-list')
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · InsightCloudSec' })
  await expect(list.locator('.catalog-api').first()).toContainText('Rapid7 InsightCloudSec API')
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Cloud Exchange' })
  await expect(list.locator('.catalog-api').first()).toContainText('Netskope Cloud Exchange API')
})

test('a multipart operation starts with one part per documented field', async ({ app }) => {
  await app.getByTestId('catalog-search').fill('urllist file')
  await app.locator('[data-testid="catalog-op"][title="POST /api/v2/policy/urllist/file"]').click()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/policy/urllist/file')
  await requestTab(app, /^Body/).click()
  await expect(app.getByRole('radio', { name: 'Multipart' })).toBeChecked()
  const rows = app.getByTestId('multipart-row')
  await expect(rows).toHaveCount(1)
  await expect(app.getByLabel('part 1 name')).toHaveValue('urllist')
  await expect(app.getByRole('button', { name: 'Choose file for part 1' })).toBeVisible()
})
