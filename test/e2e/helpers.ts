import { expect, type Page } from '@playwright/test'

/** Types into the request bar. */
export async function enterRequest(page: Page, method: string, url: string): Promise<void> {
  await page.getByLabel('Method').selectOption(method)
  await page.getByLabel('URL').fill(url)
}

/**
 * Replaces the JSON body editor's text. Monaco auto-closes brackets and quotes on typed input, so the text is
 * delivered as a paste (what a user does with a prepared payload) to arrive exactly as given.
 */
export async function setJsonBody(page: Page, text: string): Promise<void> {
  await page.getByRole('tab', { name: /^Body/ }).click()
  await page.getByRole('radio', { name: 'JSON' }).check()
  const lines = page.getByTestId('body-json-editor').locator('.view-lines')
  await expect(lines).toBeVisible()
  await lines.click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.evaluate((payload) => {
    const data = new DataTransfer()
    data.setData('text/plain', payload)
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  }, text)
}

/** The response body as raw text (the Raw view renders it as plain text, unlike Monaco's virtualised lines). */
export async function rawBody(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Raw' }).click()
  const raw = page.getByTestId('response-raw')
  await expect(raw).toBeVisible()
  return (await raw.textContent()) ?? ''
}
