import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { Bridge } from './bridge/bridge-server'
import { expect, test } from './fixtures'

// The CE iterator toggle end to end: the built renderer, the real core behind the test bridge, the real sandbox.
test.use({ coreSandbox: { waitTime: 0 } })

const ENV = 'sandbox-netskope'

async function selectNetskope(app: Page): Promise<void> {
  await app.getByTestId('environment').selectOption(ENV)
  await expect(app.getByTestId('iterator-panel')).toBeVisible()
}

/** datetime-local value for an epoch second, in the browser's (= this machine's) local time. */
function localInput(epochSec: number): string {
  const d = new Date(epochSec * 1000)
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

async function setV2(bridge: Bridge, present: boolean): Promise<void> {
  if (present) {
    const token = bridge.sandbox?.credentials.netskope.v2Tokens[0]?.token ?? ''
    await bridge.call('vault:set', { environmentId: ENV, name: 'v2Token', value: token })
  } else {
    await bridge.call('vault:delete', { environmentId: ENV, name: 'v2Token' })
  }
}

test('toggle: disabled with a v1-only credential (reason + auth link), enabled once a v2 token is set', async ({ app, bridge }) => {
  await selectNetskope(app)
  await setV2(bridge, false)
  // Opening and closing the auth panel (where a user would remove the token) re-checks availability.
  await app.getByTestId('auth-toggle').click()
  await app.getByTestId('auth-toggle').click()
  await expect(app.getByTestId('iterator-toggle')).toBeDisabled()
  await expect(app.getByTestId('iterator-unavailable')).toContainText('v2 token')
  await app.getByTestId('iterator-unavailable').getByRole('button', { name: 'Open the auth panel' }).click()
  await expect(app.getByTestId('auth-panel')).toBeVisible()
  await setV2(bridge, true)
  await app.getByTestId('auth-toggle').click() // closing the panel re-checks availability
  await expect(app.getByTestId('iterator-toggle')).toBeEnabled()
})

test('until caught up: progress bar, cancel, then an export whose record count matches what was served', async ({ app, bridge }) => {
  await selectNetskope(app)
  await app.getByTestId('iterator-toggle').check()
  await app.getByTestId('iterator-type').selectOption('malware')

  // From the oldest record: ~60 pages, so there is time to cancel mid-run.
  await app.getByTestId('iterator-index').fill('e2e-cancel')
  await app.getByTestId('iterator-start').click()
  await expect(app.getByTestId('iterator-progress-bar')).toBeVisible()
  await expect(app.getByTestId('iterator-records')).toBeVisible()
  await app.getByTestId('iterator-cancel').click()
  await expect(app.getByTestId('iterator-summary')).toContainText('Cancelled.')

  // A time-bounded pull (last ~3 hours) exported to NDJSON.
  const path = join(tmpdir(), `iterator-e2e-${Date.now()}.ndjson`)
  bridge.setSavePath(path)
  await app.getByTestId('iterator-index').fill('e2e-export')
  await app.getByTestId('iterator-operation').selectOption('date')
  await app.getByTestId('iterator-from').fill(localInput(Math.floor(Date.now() / 1000) - 3 * 3600))
  await app.getByTestId('iterator-export').click()
  await expect(app.getByTestId('iterator-export-path')).toHaveText(path)
  await app.getByTestId('iterator-start').click()
  const summary = app.getByTestId('iterator-summary')
  await expect(summary).toContainText('Caught up.', { timeout: 30_000 })
  // Counts are grouped (12,345), and the position is a UTC time, not a raw epoch.
  await expect(summary).toContainText(/\d{1,3}(,\d{3})+ records in \d+ pages\. Up to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\./)
  const served = Number(/([\d,]+) records in/.exec((await summary.textContent()) ?? '')?.[1]?.replace(/,/g, ''))
  expect(served).toBeGreaterThan(10_000)
  const lines = (await readFile(path, 'utf8')).split('\n').filter((line) => line !== '')
  expect(lines.length).toBe(served)
  // The viewer shows (up to 10 of) the last page that had records; near "now" that can be a page of a few records
  // generated while the pull ran, so the count is 1 to 10, not always 10.
  const rows = app.getByTestId('iterator-records').locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  expect(await rows.count()).toBeLessThanOrEqual(10)
  await expect(rows.first().locator('td').first()).not.toBeEmpty()
  // Epoch fields (timestamp, _insertion_epoch_timestamp) show their UTC time beside the number.
  await expect(rows.first().getByTestId('epoch-human').first()).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/)

  // History: one entry per run (the cancelled one and the export), not one per page; the pages fold under it.
  await app.getByRole('tab', { name: 'History' }).click()
  const items = app.getByTestId('history').getByTestId('history-item')
  await expect(items).toHaveCount(2)
  const exported = items.first()
  await expect(exported.getByTestId('history-run')).toContainText(/Iterator run · \d+ pages · [\d,]+ records · caught up/)
  await expect(exported.getByTestId('history-path')).toContainText('/api/v2/events/dataexport/alerts/malware?index=e2e-export')
  await expect(items.nth(1).getByTestId('history-run')).toContainText('cancelled')
  await exported.getByTestId('history-run-toggle').click()
  const pages = exported.getByTestId('history-run-page')
  await expect(pages.first()).toBeVisible()
  expect(await pages.count()).toBeGreaterThanOrEqual(2)
  // The unfolded pages fit the pane: no sideways scroll.
  expect(await app.getByTestId('history').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0)
  await expect(pages.first()).toContainText(/UTC/) // the first operation is an epoch, shown with its time
})

test('the scope checker reports a missing scope for the sandbox\'s limited token (read-only probes)', async ({ app, bridge }) => {
  const limited = bridge.sandbox?.credentials.netskope.v2Tokens.find((t) => t.name === 'dataexport')?.token ?? ''
  await bridge.call('vault:set', { environmentId: ENV, name: 'v2Token', value: limited })
  await selectNetskope(app)
  await app.getByTestId('scope-check-toggle').click()
  await app.getByTestId('scope-module-CLS').uncheck()
  await app.getByTestId('scope-check-run').click()
  const table = app.getByTestId('scope-table')
  // ARE reads app risk through CCI: the dataexport-only token has no scope there; its Data Export streams are granted.
  await expect(table.locator('[data-path="/api/v2/services/cci/app"]')).toHaveAttribute('data-status', 'missing')
  await expect(table.locator('[data-path="/api/v2/services/cci/app"]')).toContainText('403')
  await expect(table.locator('[data-path="/api/v2/events/dataexport/alerts/uba"]')).toHaveAttribute('data-status', 'granted')
  // The UCI paths take only POST, and a probe never writes: reported unknown, not guessed.
  await expect(table.locator('[data-path="/api/v2/incidents/uba/getuci"]')).toHaveAttribute('data-status', 'unknown')
  await expect(app.getByTestId('scope-summary')).toContainText('missing')
  // Probes are checks, not requests the user sent: none of them is in history.
  await app.getByRole('tab', { name: 'History' }).click()
  await expect(app.getByTestId('history').getByRole('status')).toHaveText('0 requests')
  await expect(app.getByTestId('history').getByTestId('history-item')).toHaveCount(0)
})
