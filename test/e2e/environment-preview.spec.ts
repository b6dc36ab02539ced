import { expect, test } from './fixtures'
import { enterRequest, requestTab, setJsonBody } from './helpers'

// The base URL is edited where it is shown, and the request preview resolves {{variables}}.
const TENANT = {
  id: 'env-tenant',
  name: 'Acme tenant',
  api: 'netskope',
  baseUrl: 'https://acme.goskope.com',
  variables: [{ name: 'listId', value: '42', enabled: true }],
  tls: { verify: true, caPath: null },
  auth: { kind: 'none' },
  sandbox: false
}

test('edit the base URL inline: saved through main, kept after a reload, bad input refused', async ({ app, bridge }) => {
  await bridge.call('environment:save', TENANT)
  await app.reload()
  await app.getByTestId('environment').selectOption({ label: 'Acme tenant' })
  const field = app.getByTestId('environment-base-url')
  await expect(field).toHaveValue('https://acme.goskope.com')

  await field.fill('not a url')
  await field.press('Enter')
  await expect(app.getByTestId('base-url-error')).toContainText('Enter an http(s) URL')
  await field.press('Escape')
  await expect(field).toHaveValue('https://acme.goskope.com')

  await field.fill('https://acme.eu.goskope.com')
  await field.press('Enter')
  await expect(app.getByTestId('base-url-error')).toHaveCount(0)
  await expect
    .poll(async () => ((await bridge.call('environment:list', {})) as { value: Array<{ id: string; baseUrl: string }> }).value.find((e) => e.id === TENANT.id)?.baseUrl)
    .toBe('https://acme.eu.goskope.com')

  await app.reload()
  await app.getByTestId('environment').selectOption({ label: 'Acme tenant' })
  await expect(app.getByTestId('environment-base-url')).toHaveValue('https://acme.eu.goskope.com')
})

test('the preview resolves variables in URL, headers and body, masks secrets and highlights unknown names', async ({ app, bridge }) => {
  await bridge.call('environment:save', TENANT)
  await app.reload()
  await app.getByTestId('environment').selectOption({ label: 'Acme tenant' })
  await enterRequest(app, 'PATCH', '/api/v2/policy/urllist/{{listId}}/append')
  await requestTab(app, /^Headers/).click()
  await app.getByRole('button', { name: '+ Add header' }).click()
  await app.getByLabel('header 1 name').fill('Netskope-Api-Token')
  await app.getByLabel('header 1 value').fill('{{secret.v2Token}}')
  await setJsonBody(app, '{"id": {{listId}}, "note": "{{missingVar}}"}')

  const preview = app.getByTestId('request-preview')
  await preview.locator('summary').click()
  await expect(preview.getByTestId('preview-url')).toHaveText('PATCH https://acme.goskope.com/api/v2/policy/urllist/42/append')
  await expect(preview.getByTestId('preview-header')).toHaveText('Netskope-Api-Token: •••• secret.v2Token')
  await expect(preview.getByTestId('preview-body')).toHaveText('{"id": 42, "note": "{{missingVar}}"}')
  await expect(preview.getByTestId('preview-unknown')).toHaveText('{{missingVar}}')
  await expect(preview.getByTestId('preview-unknown-note')).toContainText('unknown: {{missingVar}}')

  // The preview follows edits live, and the environment's base URL once it is changed inline.
  await app.getByLabel('URL', { exact: true }).fill('/api/v2/policy/urllist/{{listId}}/{{op}}')
  await expect(preview.getByTestId('preview-unknown')).toHaveText(['{{op}}', '{{missingVar}}'])
  const field = app.getByTestId('environment-base-url')
  await field.fill('https://other.goskope.com')
  await field.press('Enter')
  await expect(preview.getByTestId('preview-url')).toHaveText('PATCH https://other.goskope.com/api/v2/policy/urllist/42/{{op}}')
})
