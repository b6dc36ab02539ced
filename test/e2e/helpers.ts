import { expect, type Locator, type Page } from '@playwright/test'

/** A tab of the request editor (the response panel has tabs with the same names). */
export function requestTab(page: Page, name: string | RegExp): Locator {
  return page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name })
}

/** Types into the request bar. */
export async function enterRequest(page: Page, method: string, url: string): Promise<void> {
  await page.getByLabel('Method').selectOption(method)
  await page.getByLabel('URL', { exact: true }).fill(url)
}

/**
 * Replaces the JSON body editor's text. Monaco auto-closes brackets and quotes on typed input, so the text is
 * delivered as a paste (what a user does with a prepared payload) to arrive exactly as given.
 */
export async function setJsonBody(page: Page, text: string): Promise<void> {
  await requestTab(page, /^Body/).click()
  await page.getByRole('radio', { name: 'JSON' }).check()
  const lines = page.getByTestId('body-json-editor').locator('.view-lines')
  await expect(lines).toBeVisible()
  await lines.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.evaluate((payload) => {
    // Browser globals, typed locally: test/ is compiled without the DOM library.
    const page = globalThis as unknown as {
      DataTransfer: new () => { setData(type: string, value: string): void }
      ClipboardEvent: new (type: string, init: object) => object
      document: { activeElement: { dispatchEvent(event: object): boolean } | null }
    }
    const data = new page.DataTransfer()
    data.setData('text/plain', payload)
    page.document.activeElement?.dispatchEvent(new page.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

/** The response body as raw text (the Raw view renders it as plain text, unlike Monaco's virtualised lines). */
export async function rawBody(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Raw' }).click()
  const raw = page.getByTestId('response-raw')
  await expect(raw).toBeVisible()
  return (await raw.textContent()) ?? ''
}

/** Shows a view of the workbench's left sidebar and returns its panel. */
export async function sidebarView(page: Page, name: 'Catalog' | 'Collections' | 'History'): Promise<Locator> {
  await page.getByRole('tablist', { name: 'Sidebar' }).getByRole('tab', { name }).click()
  const panel = page.getByRole('tabpanel', { name })
  await expect(panel).toBeVisible()
  return panel
}
