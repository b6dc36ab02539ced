import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// Request tabs through the bridge against the real sandbox: each tab keeps its own draft and response, opening
// something never overwrites unsaved work, closing asks, and the tabs come back after a reload (workspace.json).

/** The catalog lists its rows virtualised: search first, so the row is drawn. */
async function openOp(page: Page, search: string, id: string): Promise<void> {
  await page.getByTestId('catalog-search').fill(search)
  await page.locator(`[data-testid="catalog-op"][data-op-id="${id}"]`).click()
}
test.use({ coreSandbox: {} })

const tabs = (page: Page) => page.getByTestId('request-tab')
const url = (page: Page) => page.getByLabel('URL', { exact: true })

test('two catalog operations in two tabs, each with its own draft and response; restored after a reload', async ({ app }) => {
  // The window opens on the sandbox.
  await expect(app.getByTestId('environment')).toHaveValue('sandbox-netskope')
  await openOp(app, 'urllist', 'netskope:urllistList')
  // The untouched blank tab the window opened with is reused, not left behind.
  await expect(tabs(app)).toHaveCount(1)
  await expect(url(app)).toHaveValue(/\/api\/v2\/policy\/urllist/)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')

  await openOp(app, 'query alerts', 'netskope:eventsDataAlert')
  await expect(tabs(app)).toHaveCount(2)
  await expect(tabs(app).nth(1)).toHaveAttribute('aria-selected', 'true')
  await expect(app.getByTestId('not-sent')).toBeVisible()
  await url(app).fill(`${await url(app).inputValue()}?limit=3`)
  await expect(tabs(app).nth(1).getByTestId('tab-unsaved')).toBeVisible()

  // Opening the first operation again focuses its tab: its response is still there, the second tab's edit too.
  await openOp(app, 'urllist', 'netskope:urllistList')
  await expect(tabs(app)).toHaveCount(2)
  await expect(tabs(app).nth(0)).toHaveAttribute('aria-selected', 'true')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await app.keyboard.press('Control+Tab')
  await expect(url(app)).toHaveValue(/limit=3/)
  await app.keyboard.press('Control+Shift+Tab')
  await expect(url(app)).not.toHaveValue(/limit=3/)

  // A changed target clears the old response: it no longer belongs to the request.
  await url(app).fill('https://127.0.0.1:1/elsewhere')
  await expect(app.getByTestId('not-sent')).toBeVisible()
  await url(app).fill('/api/v2/policy/urllist')

  await app.reload()
  await expect(tabs(app)).toHaveCount(2)
  await expect(tabs(app).nth(0)).toHaveAttribute('aria-selected', 'true')
  await tabs(app).nth(1).click()
  await expect(url(app)).toHaveValue(/limit=3/)
  await expect(app.getByTestId('environment')).toHaveValue('sandbox-netskope')
})

test('Ctrl+T, Ctrl+W asks for unsaved work, middle-click closes, drag reorders', async ({ app }) => {
  await url(app).click()
  await app.keyboard.press('ControlOrMeta+t')
  await expect(tabs(app)).toHaveCount(2)
  await url(app).fill('https://example.test/first')
  await app.keyboard.press('ControlOrMeta+t')
  await url(app).fill('https://example.test/second')
  await expect(tabs(app)).toHaveCount(3)

  // Drag the last tab to the front.
  await tabs(app).nth(2).dragTo(tabs(app).nth(0))
  await expect(tabs(app).nth(0)).toContainText('/second')

  await tabs(app).nth(0).click()
  await app.keyboard.press('ControlOrMeta+w')
  await expect(app.getByTestId('confirm-close')).toBeVisible()
  await app.getByTestId('confirm-close-keep').click()
  await expect(tabs(app)).toHaveCount(3)
  await app.keyboard.press('ControlOrMeta+w')
  await app.getByTestId('confirm-close-discard').click()
  await expect(tabs(app)).toHaveCount(2)

  // A pristine tab closes without asking, by middle click.
  const blank = tabs(app).filter({ hasNotText: 'example' })
  await blank.first().click({ button: 'middle' })
  await expect(tabs(app)).toHaveCount(1)
  await expect(tabs(app).first()).toContainText('/first')
})

test('the command palette opens operations and runs commands; Ctrl+/ lists the shortcuts', async ({ app }) => {
  await app.keyboard.press('ControlOrMeta+k')
  await app.getByTestId('palette-input').fill('List URL lists')
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('command-palette')).not.toBeVisible()
  await expect(url(app)).toHaveValue(/\/api\/v2\/policy\/urllist/)

  await app.keyboard.press('ControlOrMeta+p')
  await app.getByTestId('palette-input').fill('new request tab')
  await app.keyboard.press('Enter')
  await expect(tabs(app)).toHaveCount(2)

  await app.keyboard.press('ControlOrMeta+/')
  const sheet = app.getByTestId('shortcut-sheet')
  await expect(sheet).toBeVisible()
  await expect(sheet).toContainText('Close the tab')
  await app.keyboard.press('Escape')
  await expect(sheet).not.toBeVisible()
})
