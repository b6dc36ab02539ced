import { expect, test } from './fixtures'
import { requestTab } from './helpers'

// A pasted cURL command's credentials are moved into the vault (or dropped), never kept in the page.
const PASSWORD = 'e2e-pa55-w0rd-9876'
const BASIC = Buffer.from(`alice:${PASSWORD}`).toString('base64')

test('paste a cURL with -u user:pass: the draft shows {{secret.basicAuth}}, Move to vault stores it, the page never holds it', async ({ app, bridge }) => {
  await bridge.core.environments.save({
    id: 'env-curl', name: 'Curl target', api: 'generic', baseUrl: 'https://api.example', variables: [],
    tls: { verify: true, caPath: null }, auth: { kind: 'none' }, sandbox: false
  } as never)
  await app.reload()
  await app.getByTestId('environment').selectOption({ label: 'Curl target' })

  await app.getByLabel('URL', { exact: true }).fill(`curl -u alice:${PASSWORD} https://api.example/who`)
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('https://api.example/who')
  const notice = app.getByTestId('curl-notice')
  await expect(notice).toContainText('Authorization (Basic, user alice)')
  await requestTab(app, /^Headers/).click()
  await expect(app.getByRole('textbox', { name: 'header 1 value' })).toHaveValue('Basic {{secret.basicAuth}}')
  for (const html of [await app.content()]) {
    expect(html).not.toContain(PASSWORD)
    expect(html).not.toContain(BASIC)
  }

  await notice.getByRole('button', { name: 'Move to vault' }).click()
  await expect(notice).toContainText('Stored basicAuth in the vault of the selected environment')
  expect(await bridge.core.vault.reveal('env-curl/basicAuth')).toBe(BASIC)
  const html = await app.content()
  expect(html).not.toContain(PASSWORD)
  expect(html).not.toContain(BASIC)
})

test('Discard drops the credentials of a pasted cURL: nothing reaches the vault', async ({ app, bridge }) => {
  await app.getByLabel('URL', { exact: true }).fill(`curl -H 'Authorization: Bearer e2e-bearer-123456' https://api.example/x`)
  const notice = app.getByTestId('curl-notice')
  await notice.getByRole('button', { name: 'Discard' }).click()
  await expect(notice).toContainText('not stored')
  expect(JSON.stringify(await bridge.core.vault.reveal('env-curl/bearerToken'))).toBe('null')
  expect(await app.content()).not.toContain('e2e-bearer-123456')
})
