import type { Page } from '@playwright/test'
import { startFaultServer } from '../support/fault-server'
import type { RunningServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

let faults: RunningServer
test.beforeAll(async () => {
  faults = await startFaultServer()
})
test.afterAll(async () => {
  await faults.close()
})

async function send(app: Page, path: string): Promise<void> {
  await enterRequest(app, 'GET', `${faults.url}${path}`)
  await app.getByRole('button', { name: 'Send' }).click()
}

/** After a fault the app is not stuck: the next request goes through and its response replaces the error. */
async function expectNextRequestWorks(app: Page): Promise<void> {
  await send(app, '/ok')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('error-panel')).toHaveCount(0)
}

test('a connection reset mid-body shows how far the body got, and the next request works', async ({ app }) => {
  await send(app, '/reset-mid-body')
  await expect(app.getByTestId('error-code')).toHaveText('CONNECTION_RESET')
  await expect(app.getByTestId('error-panel')).toContainText('Connection reset')
  await expect(app.getByTestId('error-message')).toContainText('of the 1,000,000 bytes announced by Content-Length')
  await expect(app.getByTestId('error-message')).toContainText('incomplete and was not kept')
  await expect(app.getByTestId('status')).toHaveCount(0)
  await expectNextRequestWorks(app)
})

test('a decompression bomb stops at the size limit with a hint, and the next request works', async ({ app, bridge }) => {
  // Settings has no field for the cap yet: set it through the same command the renderer would use.
  await bridge.call('settings:update', { maxDecodedBytes: 2 * 1024 * 1024 })
  await send(app, '/bomb')
  await expect(app.getByTestId('error-code')).toHaveText('DECODED_SIZE_CAP')
  await expect(app.getByTestId('error-panel')).toContainText('Response too large')
  await expect(app.getByTestId('error-message')).toContainText('larger than the 2 MiB limit')
  await expect(app.getByTestId('error-hint')).toContainText('maximum response size')
  await expectNextRequestWorks(app)
})

test('a 1,000-hop redirect loop stops at the limit, and the next request works', async ({ app }) => {
  const before = faults.requests.length
  await send(app, '/hop/0')
  await expect(app.getByTestId('error-code')).toHaveText('TOO_MANY_REDIRECTS')
  await expect(app.getByTestId('error-panel')).toContainText('Too many redirects')
  await expect(app.getByTestId('error-message')).toContainText('Stopped after 10 redirects')
  // The default limit (10): 11 requests, nothing beyond.
  expect(faults.requests.length - before).toBe(11)
  await expectNextRequestWorks(app)
})

test('start-up notices (a corrupt file moved aside) show in a banner until dismissed', async ({ app, bridge }) => {
  await expect(app.getByTestId('notices')).toHaveCount(0)
  // As openSettingsStore reports a corrupt settings.json (its own path is covered by the core tests).
  bridge.core.notices.push('Settings file was unreadable (not valid JSON); it was moved to /data/settings.json.corrupt-2025-01-01T00-00-00-000Z and defaults are used.')
  await app.reload()
  await expect(app.getByTestId('notice')).toHaveText([/settings\.json\.corrupt-2025-01-01T00-00-00-000Z/])
  await app.getByTestId('dismiss-notices').click()
  await expect(app.getByTestId('notices')).toHaveCount(0)
  await app.reload()
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(app.getByTestId('notices')).toHaveCount(0)
})
