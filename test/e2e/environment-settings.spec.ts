import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Settings } from '@shared/model/settings'
import { startEchoServer } from '../support/echo-server'
import type { Bridge } from './bridge/bridge-server'
import { expect, test } from './fixtures'
import { requestTab } from './helpers'

async function settingsNow(bridge: Bridge): Promise<Settings> {
  const envelope = (await bridge.call('settings:get', {})) as { ok: boolean; value: Settings }
  expect(envelope.ok).toBe(true)
  return envelope.value
}

test('an environment with TLS verification off shows a persistent warning banner', async ({ app, bridge }) => {
  const saved = await bridge.call('environment:save', {
    id: 'lab',
    name: 'Lab tenant',
    baseUrl: 'https://lab.invalid',
    tls: { verify: false, caPath: null }
  })
  expect(saved).toMatchObject({ ok: true })
  await bridge.call('environment:save', { id: 'prod', name: 'Production', baseUrl: 'https://prod.invalid' })
  await app.reload()

  const environment = app.getByLabel('Environment')
  await expect(environment.locator('option')).toHaveText(['No environment', 'Lab tenant (TLS verification off)', 'Production'])
  await expect(app.getByTestId('tls-warning')).toHaveCount(0)

  await environment.selectOption('lab')
  const banner = app.getByTestId('tls-warning')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('TLS verification is OFF')
  await expect(banner).toContainText('Lab tenant')
  // It stays while working with the request, not just on selection.
  await requestTab(app, /^Headers/).click()
  await app.getByLabel('URL', { exact: true }).fill('/v1/items')
  await expect(banner).toBeVisible()

  await environment.selectOption('prod')
  await expect(app.getByTestId('tls-warning')).toHaveCount(0)
})

test('settings panel shows and saves the timeout defaults', async ({ app, bridge }) => {
  // A setting the panel does not show must survive a save from the panel.
  await bridge.call('settings:update', { ...(await settingsNow(bridge)), maxRedirects: 3 })
  await app.reload()
  await app.getByRole('button', { name: 'Settings' }).click()
  const connect = app.getByLabel('Connect timeout (ms)')
  const total = app.getByLabel('Total timeout (ms)')
  await expect(connect).toHaveValue('10000')
  await expect(total).toHaveValue('120000')

  await connect.fill('2500')
  await total.fill('45000')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByTestId('settings-message')).toHaveText('Saved.')
  expect(await settingsNow(bridge)).toMatchObject({ connectTimeoutMs: 2500, totalTimeoutMs: 45000, maxRedirects: 3 })

  // Out-of-range values are refused by main with a message, and nothing is changed.
  await total.fill('5')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByTestId('settings-message')).toContainText('totalTimeoutMs')
  expect(await settingsNow(bridge)).toMatchObject({ totalTimeoutMs: 45000 })
})

test('multipart file parts are chosen through the main-process file picker', async ({ app, bridge }, testInfo) => {
  await mkdir(testInfo.outputDir, { recursive: true })
  const file = join(testInfo.outputDir, 'report.csv')
  await writeFile(file, 'id,name\n1,alpha\n')
  await requestTab(app, /^Body/).click()
  await app.getByRole('radio', { name: 'Multipart' }).check()
  await app.getByRole('button', { name: '+ Add file part' }).click()

  // The user cancels the dialog first: nothing is chosen, and sending explains why it cannot.
  bridge.setPickedFile(null)
  await app.getByRole('button', { name: 'Choose file for part 1' }).click()
  await expect(app.getByTestId('multipart-file')).toHaveText('no file chosen')
  await app.getByLabel('part 1 name').fill('upload')
  await app.getByLabel('URL', { exact: true }).fill('http://127.0.0.1:9/upload')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-panel')).toContainText('Multipart part "upload" has no file')

  bridge.setPickedFile(file)
  await app.getByRole('button', { name: 'Choose file for part 1' }).click()
  await expect(app.getByTestId('multipart-file')).toHaveText('report.csv')

  // Main reads the file at send time; the server receives it as a named file part.
  const echo = await startEchoServer()
  try {
    await app.getByLabel('URL', { exact: true }).fill(`${echo.url}/upload`)
    await app.getByLabel('Method').selectOption('POST')
    await app.getByRole('button', { name: 'Send' }).click()
    await expect(app.getByTestId('status')).toHaveText('200 OK')
    const body = echo.requests[0]?.body.toString('utf8') ?? ''
    expect(body).toContain('name="upload"; filename="report.csv"')
    expect(body).toContain('id,name\n1,alpha\n')
  } finally {
    await echo.close()
  }
})
