import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

// The workbench layout as a user sees it: at the three window sizes we design for, light and dark, nothing scrolls
// sideways, the header's tools are all on screen, the request editor has room; panes resize, collapse and are
// remembered across a reload; the drawers float over the workspace instead of pushing it.
test.use({ coreSandbox: { waitTime: 0 } })

const SIZES = [
  { width: 1024, height: 640, minRequest: 300 },
  { width: 1280, height: 800, minRequest: 520 },
  { width: 1920, height: 1080, minRequest: 800 }
] as const

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  if (!found) throw new Error('element has no box (not visible)')
  return found
}

/** Opens a catalog operation and sends it to the sandbox, so the request, its form and a response are all shown. */
async function fillWorkbench(app: Page): Promise<void> {
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await app.getByTestId('catalog-search').fill('alert')
  await app.getByTestId('catalog-op').first().click()
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
}

async function noSidewaysScroll(app: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await app.evaluate(() => {
    // Browser globals, typed locally: test/ is compiled without the DOM library.
    const root = (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number; clientWidth: number } } }).document.scrollingElement
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth }
  })
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(clientWidth)
}

const requestEditor = (app: Page): Locator => app.getByTestId('request-editor')
const sidebar = (app: Page): Locator => app.getByTestId('sidebar')

for (const scheme of ['light', 'dark'] as const) {
  for (const size of SIZES) {
    test(`${size.width}x${size.height} ${scheme}: no sideways scroll, header on screen, request editor has room`, async ({ app }) => {
      await app.emulateMedia({ colorScheme: scheme })
      await app.setViewportSize({ width: size.width, height: size.height })
      await fillWorkbench(app)
      await expect(app.locator('html')).toHaveAttribute('data-theme', scheme)
      await noSidewaysScroll(app)

      // Every control in the header lies fully inside the window and inside the header.
      const header = await box(app.locator('.app-header'))
      expect(header.height, 'the header wrapped onto a second line').toBeLessThanOrEqual(48)
      const controls = app.locator('.app-header').locator('button, select, input')
      expect(await controls.count()).toBeGreaterThanOrEqual(6)
      for (const control of await controls.all()) {
        const b = await box(control)
        const name = `${(await control.textContent()) ?? ''} ${(await control.getAttribute('data-testid')) ?? ''}`
        expect(b.x, name).toBeGreaterThanOrEqual(0)
        expect(b.x + b.width, name).toBeLessThanOrEqual(size.width)
        expect(b.y + b.height, name).toBeLessThanOrEqual(header.y + header.height)
      }

      // The sidebar is open and the request editor gets the width the design asks for.
      await expect(sidebar(app)).toBeVisible()
      expect((await box(sidebar(app))).width).toBeGreaterThanOrEqual(200)
      const request = await box(requestEditor(app))
      expect(request.width).toBeGreaterThanOrEqual(size.minRequest)
      // Request and response side by side, both inside the window.
      const response = await box(app.getByTestId('response-panel'))
      expect(response.x).toBeGreaterThanOrEqual(request.x + request.width)
      expect(response.x + response.width).toBeLessThanOrEqual(size.width)
      test.info().annotations.push({ type: 'widths', description: `sidebar ${(await box(sidebar(app))).width}, request ${request.width}, response ${response.width}` })

      // The iterator's scope table scrolls inside its own box, never the page.
      await app.getByTestId('scope-check-toggle').click()
      await app.getByTestId('scope-check-run').click()
      await expect(app.getByTestId('scope-table')).toBeVisible()
      await noSidewaysScroll(app)
    })
  }
}

test('the sidebar switches views, collapses and expands by button and Ctrl+B, and stays collapsed after a reload', async ({ app }) => {
  const tabs = app.getByRole('tablist', { name: 'Sidebar' })
  await tabs.getByRole('tab', { name: 'History' }).click()
  await expect(app.getByLabel('Search history')).toBeVisible()
  await expect(app.getByTestId('catalog-search')).toBeHidden()
  await tabs.getByRole('tab', { name: 'Collections' }).click()
  await expect(app.getByTestId('collections')).toBeVisible()
  await expect(app.getByLabel('Search history')).toBeHidden()

  const before = await box(requestEditor(app))
  await app.getByTestId('sidebar-toggle').click()
  await expect(app.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(async () => (await sidebar(app).boundingBox())?.width ?? 0).toBeLessThan(1)
  expect((await box(requestEditor(app))).width).toBeGreaterThan(before.width)

  await app.reload()
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(app.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false')
  // Choosing a view shows the sidebar again, with that view.
  await app.getByRole('tablist', { name: 'Sidebar' }).getByRole('tab', { name: 'Catalog' }).click()
  await expect(app.getByTestId('catalog-search')).toBeVisible()
  await app.getByLabel('URL', { exact: true }).click()
  await app.keyboard.press('ControlOrMeta+b')
  await expect(app.getByTestId('sidebar-toggle')).toHaveAttribute('aria-expanded', 'false')
  await app.keyboard.press('ControlOrMeta+b')
  await expect(app.getByTestId('catalog-search')).toBeVisible()
  expect((await box(sidebar(app))).width).toBeGreaterThanOrEqual(200)

  // Ctrl+K, from anywhere, is the command palette (which finds catalog operations too).
  await app.getByRole('tablist', { name: 'Sidebar' }).getByRole('tab', { name: 'History' }).click()
  await app.getByLabel('URL', { exact: true }).click()
  await app.keyboard.press('ControlOrMeta+k')
  await expect(app.getByTestId('palette-input')).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(app.getByTestId('command-palette')).not.toBeVisible()
})

test('resizing by keyboard and by drag changes the widths, and both are restored after a reload', async ({ app }) => {
  const separator = app.getByRole('separator', { name: 'Resize sidebar' })
  const start = (await box(sidebar(app))).width
  await separator.focus()
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowRight')
  await expect.poll(async () => (await box(sidebar(app))).width).toBeGreaterThan(start + 20)
  const widened = (await box(sidebar(app))).width

  // Drag the request/response split 120 px to the left.
  const split = await box(app.getByRole('separator', { name: 'Resize request and response' }))
  const requestBefore = (await box(requestEditor(app))).width
  await app.mouse.move(split.x + split.width / 2, split.y + split.height / 2)
  await app.mouse.down()
  await app.mouse.move(split.x - 120, split.y + split.height / 2, { steps: 8 })
  await app.mouse.up()
  await expect.poll(async () => (await box(requestEditor(app))).width).toBeLessThan(requestBefore - 80)
  const dragged = (await box(requestEditor(app))).width

  await app.reload()
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect.poll(async () => Math.round((await box(sidebar(app))).width)).toBe(Math.round(widened))
  expect(Math.abs((await box(requestEditor(app))).width - dragged)).toBeLessThanOrEqual(2)
})

test('the request and response stack or sit side by side, and the choice survives a reload', async ({ app }) => {
  const toggle = app.getByTestId('orientation-toggle')
  await expect(toggle).toHaveAttribute('aria-pressed', 'false')
  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-pressed', 'true')
  const request = await box(requestEditor(app))
  const response = await box(app.getByTestId('response-panel'))
  expect(response.y).toBeGreaterThanOrEqual(request.y + request.height)
  expect(Math.abs(response.x - request.x)).toBeLessThanOrEqual(1)

  await app.reload()
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(app.getByTestId('orientation-toggle')).toHaveAttribute('aria-pressed', 'true')
  const again = await box(app.getByTestId('response-panel'))
  expect(again.y).toBeGreaterThanOrEqual((await box(requestEditor(app))).y + 100)
  await app.getByTestId('orientation-toggle').click()
  const sideBySide = await box(app.getByTestId('response-panel'))
  expect(sideBySide.x).toBeGreaterThanOrEqual((await box(requestEditor(app))).x + 500)
})

test('the auth drawer floats over the workspace: the request editor does not move; Escape closes it and focus returns', async ({ app }) => {
  await app.setViewportSize({ width: 1024, height: 640 })
  const before = await box(requestEditor(app))
  const toggle = app.getByTestId('auth-toggle')
  await toggle.click()
  const drawer = app.getByRole('dialog', { name: 'Auth' })
  await expect(drawer).toBeVisible()
  await expect(app.getByTestId('auth-panel')).toBeVisible()
  expect(await box(requestEditor(app))).toEqual(before)
  // Focus moved into the drawer, and the drawer is inside the window.
  await expect(drawer.locator(':focus')).toHaveCount(1)
  const drawn = await box(drawer)
  expect(drawn.x + drawn.width).toBeLessThanOrEqual(1024)
  await noSidewaysScroll(app)

  await app.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await expect(toggle).toBeFocused()
  // Settings and Snippet open the same way, one drawer at a time.
  await app.getByTestId('settings-toggle').click()
  await expect(app.getByRole('dialog', { name: 'Settings' })).toBeVisible()
  await app.getByTestId('snippet-toggle').click()
  await expect(app.getByRole('dialog', { name: 'Snippet' })).toBeVisible()
  await expect(app.getByRole('dialog', { name: 'Settings' })).toHaveCount(0)
  expect(await box(requestEditor(app))).toEqual(before)
})
