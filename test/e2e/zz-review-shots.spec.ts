import { expect, test } from './fixtures'

// Throwaway: screenshots for a look at the tabbed workbench (deleted after review).
test.use({ coreSandbox: {} })
for (const [width, height] of [[1024, 640], [1280, 800], [1920, 1080]] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`review ${width}x${height} ${scheme}`, async ({ app }) => {
      await app.setViewportSize({ width, height })
      await app.emulateMedia({ colorScheme: scheme })
      await app.getByTestId('catalog-search').fill('urllist')
      await app.locator('[data-testid="catalog-op"][data-op-id="netskope:urllistList"]').click()
      await app.getByRole('button', { name: 'Send' }).click()
      await expect(app.getByTestId('status')).toHaveText('200 OK')
      await app.keyboard.press('ControlOrMeta+t')
      await app.getByLabel('URL', { exact: true }).fill('/api/v2/services/cci/tags')
      await app.getByRole('tab', { name: /List URL lists/ }).click()
      await app.screenshot({ path: `/tmp/shots/${width}-${scheme}.png` })
      const overflow = await app.evaluate(() => {
        const el = (globalThis as unknown as { document: { scrollingElement: { scrollWidth: number; clientWidth: number } } }).document.scrollingElement
        return el.scrollWidth - el.clientWidth
      })
      expect(overflow).toBe(0)
    })
  }
}
