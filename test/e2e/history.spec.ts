import { startEchoServer, type RunningServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest, sidebarView } from './helpers'

let echo: RunningServer
test.beforeAll(async () => {
  echo = await startEchoServer()
})
test.afterAll(async () => {
  await echo.close()
})

test('every send appears in history, is searchable and re-opens into the editor', async ({ app }) => {
  await enterRequest(app, 'GET', `${echo.url}/alerts?page=1`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await enterRequest(app, 'DELETE', `${echo.url}/rules/9`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  // A failed send is recorded too.
  await enterRequest(app, 'GET', 'http://127.0.0.1:1/refused')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-panel')).toBeVisible()

  const library = await sidebarView(app, 'History')
  const items = library.getByTestId('history-item')
  await expect(items).toHaveCount(3)
  await expect(items.first()).toContainText('/refused')
  await expect(items.first()).toContainText('CONNECTION_REFUSED')

  await library.getByLabel('Search history').fill('alerts')
  await expect(items).toHaveCount(1)
  await expect(items.first()).toContainText('200')
  await items.first().getByRole('button').click()
  await expect(app.getByLabel('Method')).toHaveValue('GET')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue(`${echo.url}/alerts?page=1`)

  await library.getByLabel('Search history').fill('')
  await library.getByRole('button', { name: 'Clear' }).click()
  await expect(items).toHaveCount(0)
})
