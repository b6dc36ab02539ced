import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NEEDLE, sha256Of, startLargeJsonServer } from '../support/large-json-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

const BYTES = 50 * 1024 * 1024
let server: Awaited<ReturnType<typeof startLargeJsonServer>>
let dir: string

test.beforeAll(async () => {
  server = await startLargeJsonServer()
  dir = await mkdtemp(join(tmpdir(), 'large-e2e-'))
})
test.afterAll(async () => {
  await server.close()
  await rm(dir, { recursive: true, force: true })
})

function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

test('a 50 MB JSON body is shown in windows, scrolls to its end, is searched in main and saved byte for byte', async ({ app, bridge }) => {
  test.setTimeout(180_000)
  await enterRequest(app, 'GET', `${server.base}/json?bytes=${BYTES}`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK', { timeout: 60_000 })

  // Visible at once, pretty-printed (by main), while main is still indexing the rest.
  const body = app.getByTestId('large-body')
  await expect(body).toBeVisible()
  await expect(body.getByTestId('large-body-row').filter({ hasText: '"count": ' })).toBeVisible()
  const status = app.getByTestId('large-body-status')
  await expect(status).not.toContainText('indexing', { timeout: 60_000 })
  await expect(status).toContainText('50 MiB')

  // Virtualised: only the rows in view are in the DOM, out of millions.
  const totalRows = Number((await status.textContent())?.match(/([\d,]+) rows/)?.[1]?.replaceAll(',', ''))
  expect(totalRows).toBeGreaterThan(1_000_000)
  expect(await app.getByTestId('large-body-row').count()).toBeLessThan(200)

  // Scroll to the end with the keyboard: the last rows of the document come into view.
  const viewport = app.getByTestId('large-body-viewport')
  await viewport.focus()
  await app.keyboard.press('End')
  await expect(app.locator(`[data-row="${totalRows - 1}"]`)).toHaveText(/^\d+}$/)
  await expect(viewport).toContainText(`"marker": "${NEEDLE}"`)
  await app.keyboard.press('Home')
  await expect(app.locator('[data-row="0"]')).toBeVisible()
  await expect(viewport).not.toContainText(NEEDLE)

  // Search runs in main over the file; the viewer jumps to the match near the end and marks it.
  const search = app.getByTestId('body-search-input')
  await search.fill(NEEDLE)
  await search.press('Enter')
  await expect(app.getByTestId('body-search-status')).toHaveText('1 of 1', { timeout: 60_000 })
  await expect(app.getByTestId('current-match')).toHaveText(NEEDLE)
  await expect(app.getByTestId('current-match')).toBeInViewport()

  // Save copies main's temp file to the path the (stand-in) save dialog returns: the server's exact bytes.
  const target = join(dir, 'saved-body.json')
  bridge.setSavePath(target)
  await app.getByTestId('save-body').click()
  await expect(app.getByTestId('save-body-note')).toContainText('Saved 50 MiB', { timeout: 60_000 })
  expect(await fileSha256(target)).toBe(sha256Of(BYTES))
})

test('cancelling the save dialog saves nothing and says nothing', async ({ app, bridge }) => {
  await enterRequest(app, 'GET', `${server.base}/json?bytes=${3 * 1024 * 1024}`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('large-body')).toBeVisible({ timeout: 30_000 })
  bridge.setSavePath(null)
  await app.getByTestId('save-body').click()
  await expect(app.getByTestId('save-body')).toBeEnabled()
  await expect(app.getByTestId('save-body-note')).toHaveCount(0)
})
