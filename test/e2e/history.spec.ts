import { readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Har } from '../../src/shared/collections/har'
import { startEchoServer, type RunningServer } from '../support/echo-server'
import { harValidator } from '../support/har-validator'
import { expect, test } from './fixtures'
import { enterRequest, rawBody, sidebarView } from './helpers'

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

const TOKEN = 'e2e-history-v2-token-0123456789'

test('history: grouped by day, filtered by status and method, re-opened with its stored response, exported as HAR', async ({ app, bridge }) => {
  test.slow() // many steps, on a machine shared with other builds
  await bridge.call('environment:save', {
    id: 'tenant-eu', name: 'Tenant EU', api: 'netskope', baseUrl: echo.url, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }
  })
  await bridge.call('vault:set', { environmentId: 'tenant-eu', name: 'v2Token', value: TOKEN })
  // Entries from earlier days, recorded by the real history store as a send would be.
  const day = 24 * 3600 * 1000
  const earlier = (url: string, ago: number): Promise<unknown> => bridge.core.history.record({
    spec: { method: 'GET', url, query: [], headers: [], body: { kind: 'none' } }, environmentId: null,
    error: { code: 'CONNECTION_REFUSED', message: 'refused' }, finishedAt: Date.now() - ago
  })
  await earlier('https://old.example/api/v2/yesterday', day)
  await earlier('https://old.example/api/v2/last-week', 6 * day)
  await app.reload()
  await app.getByTestId('environment').selectOption('tenant-eu')
  await enterRequest(app, 'GET', '/api/v2/events/data/alert?limit=5')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await enterRequest(app, 'POST', '/api/v2/policy/urllist')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await enterRequest(app, 'GET', 'http://127.0.0.1:1/refused')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-panel')).toBeVisible()

  await app.getByRole('tab', { name: 'History' }).click()
  const pane = app.getByTestId('history')
  const days = pane.getByTestId('history-day')
  await expect(days).toHaveCount(3)
  await expect(days.locator('h3')).toHaveText(['Today', 'Yesterday', /^\d{4}-\d\d-\d\d$/])
  const today = days.first().getByTestId('history-item')
  await expect(today).toHaveCount(3)
  // The path is shown whole and first; the host and the environment's name beside it, secondary.
  const alert = today.filter({ hasText: '/api/v2/events/data/alert' })
  await expect(alert.getByTestId('history-path')).toHaveText('/api/v2/events/data/alert?limit=5')
  await expect(alert.getByTestId('history-host')).toHaveText(new URL(echo.url).host)
  await expect(alert.getByTestId('history-env')).toHaveText('Tenant EU')
  await expect(alert.getByTestId('history-status')).toHaveText('200')
  await expect(alert.getByTestId('history-time')).toHaveText(/^\d\d:\d\d:\d\d$/)
  const box = await alert.getByTestId('history-path').boundingBox()
  const row = await alert.boundingBox()
  expect(box && row && box.x + box.width <= row.x + row.width + 0.5).toBe(true)
  // Nothing in the pane scrolls sideways: long paths wrap between segments.
  expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)

  await pane.getByTestId('history-status-filter').selectOption('error')
  await expect(pane.getByTestId('history-item')).toHaveCount(3)
  await expect(pane.getByTestId('history-item').first()).toContainText('CONNECTION_REFUSED')
  await pane.getByTestId('history-status-filter').selectOption('2xx')
  await pane.getByTestId('history-method-filter').selectOption('POST')
  await expect(pane.getByTestId('history-item')).toHaveCount(1)
  await expect(pane.getByTestId('history-path')).toHaveText('/api/v2/policy/urllist')
  await pane.getByTestId('history-method-filter').selectOption('')
  await pane.getByTestId('history-status-filter').selectOption('')

  // Opening the GET shows its stored response in the response viewer (the error of the last send is gone).
  await alert.getByRole('button').click()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/events/data/alert?limit=5')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('error-panel')).toHaveCount(0)
  await expect(app.getByTestId('warnings')).toContainText('Stored response from history')
  const body = await rawBody(app)
  expect(body).toContain('/api/v2/events/data/alert')
  expect(body).not.toContain(TOKEN)

  // Two entries selected and exported as HAR through main's save dialog.
  const path = join(tmpdir(), `history-e2e-${Date.now()}.har`)
  bridge.setSavePath(path)
  await expect(pane.getByTestId('history-export-har')).toBeDisabled()
  await alert.getByTestId('history-select').check()
  await today.filter({ hasText: '/refused' }).getByTestId('history-select').check()
  await pane.getByTestId('history-export-har').click()
  await expect(pane.getByTestId('history-note')).toContainText(`Exported 2 entries to ${path}`)
  const text = await readFile(path, 'utf8')
  expect(text).not.toContain(TOKEN)
  const har = JSON.parse(text) as Har
  expect(harValidator()(har)).toEqual({ valid: true, errors: 'No errors' })
  expect(har.log.entries.map((entry) => [entry.request.method, entry.response.status])).toEqual([['GET', 200], ['GET', 0]])
  expect(har.log.entries[0]?.response.content.text).toContain('/api/v2/events/data/alert')
  await rm(path, { force: true })
})
