import { startEchoServer, type RunningServer } from '../support/echo-server'
import { startHttpsServer, type RunningHttpsServer } from '../support/https-server'
import { startSlowServer } from '../support/slow-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

let echo: RunningServer
let slow: RunningServer
let https: RunningHttpsServer
test.beforeAll(async () => {
  ;[echo, slow, https] = await Promise.all([startEchoServer(), startSlowServer(), startHttpsServer({ cert: 'self-signed' })])
})
test.afterAll(async () => {
  await Promise.all([echo.close(), slow.close(), https.close()])
})

test('a self-signed HTTPS server is refused with a TLS error panel and a hint', async ({ app }) => {
  await enterRequest(app, 'GET', `${https.url}/secure`)
  await app.getByRole('button', { name: 'Send' }).click()

  const panel = app.getByTestId('error-panel')
  await expect(panel).toBeVisible()
  await expect(panel).toContainText('Untrusted certificate (self-signed)')
  await expect(app.getByTestId('error-code')).toHaveText('TLS_SELF_SIGNED')
  await expect(app.getByTestId('error-message')).toContainText('self-signed')
  await expect(app.getByTestId('error-hint')).not.toBeEmpty()
  expect(https.requests).toHaveLength(0)
})

test('a server slower than the total timeout gives a timeout error', async ({ app }) => {
  await app.getByRole('button', { name: 'Settings' }).click()
  await app.getByLabel('Total timeout (ms)').fill('600')
  await app.getByRole('button', { name: 'Save' }).click()
  await expect(app.getByTestId('settings-message')).toHaveText('Saved.')

  await enterRequest(app, 'GET', `${slow.url}/stall`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-code')).toHaveText('TIMEOUT_TOTAL')
  await expect(app.getByTestId('error-panel')).toContainText('Request timed out')
  await expect(app.getByRole('button', { name: 'Send' })).toBeEnabled()
})

test('a slow download can be cancelled (button and Esc) and the UI works again', async ({ app }) => {
  const trickle = `${slow.url}/trickle?chunks=200&size=1000&interval=100`
  await enterRequest(app, 'GET', trickle)
  await app.getByRole('button', { name: 'Send' }).click()
  // Running: Cancel replaces Send, and the progress line shows the phase and bytes so far.
  const progress = app.getByTestId('progress')
  await expect(progress).toContainText('Receiving')
  await expect(progress).toContainText('of 195 KiB')
  await app.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.getByTestId('cancelled')).toHaveText('Request cancelled.')
  await expect(app.getByTestId('progress')).toHaveCount(0)

  // Esc cancels as well.
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByRole('button', { name: 'Cancel' })).toBeVisible()
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('cancelled')).toBeVisible()

  await enterRequest(app, 'GET', `${echo.url}/after-cancel`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(echo.requests.map((record) => record.path)).toEqual(['/after-cancel'])
})
