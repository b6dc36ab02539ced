import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { startEchoServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest, rawBody, requestTab, sidebarView } from './helpers'

// The sandbox (HTTPS, its CA trusted) is the server; collections go into a temp folder chosen through the bridge's
// stand-in for main's folder dialog.
test.use({ coreSandbox: {} })

let work: string
test.beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'e2e-collections-'))
})
test.afterEach(async () => {
  await rm(work, { recursive: true, force: true })
})

test('save a sandbox request into a collection, reload the renderer, reopen it and send it', async ({ app, bridge }) => {
  const folder = join(work, 'tenant-requests')
  bridge.setPickedFolder(folder)
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  const library = await sidebarView(app, 'Collections')
  await library.getByRole('button', { name: 'New…' }).click()
  await library.getByLabel('Collection name').fill('Tenant requests')
  await library.getByRole('button', { name: 'Choose folder…' }).click()
  await expect(library.getByRole('region', { name: 'Collection Tenant requests' })).toBeVisible()

  await enterRequest(app, 'GET', '/api/v2/services/cci/tags')
  await app.getByLabel('URL', { exact: true }).press('ControlOrMeta+s')
  await library.getByLabel('Request name').fill('CCI tags')
  await library.getByRole('button', { name: 'Add to collection' }).click()
  await expect(library.getByText('Saved "CCI tags".')).toBeVisible()
  await expect(library.getByTestId('collection-request')).toHaveText(/CCI tags/)

  // On disk: one readable file per request, no secret.
  const files = (await readdir(folder)).sort()
  expect(files).toEqual(['cci-tags.request.json', 'collection.json'])
  const text = await readFile(join(folder, 'cci-tags.request.json'), 'utf8')
  expect(JSON.parse(text)).toMatchObject({ name: 'CCI tags', request: { method: 'GET', url: '/api/v2/services/cci/tags' }, environmentId: 'sandbox-netskope' })
  expect(text).not.toContain('sandbox-netskope-v2-full-0001')

  // A fresh renderer: main remembers the open collection, and the tab with the saved request is restored.
  await app.reload()
  await expect(app.getByRole('button', { name: 'Send' })).toBeVisible()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/services/cci/tags')
  await expect(app.getByTestId('tab-unsaved')).toHaveCount(0)
  await library.getByRole('button', { name: 'GET CCI tags', exact: true }).click()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('/api/v2/services/cci/tags')
  await app.getByTestId('environment').selectOption({ label: 'Sandbox · Netskope tenant' })
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(await rawBody(app)).toContain('"data"')

  // Save again (Ctrl+S) overwrites the same file instead of creating a copy.
  await app.getByLabel('URL', { exact: true }).fill('/api/v2/services/cci/tags?limit=1')
  await app.getByLabel('URL', { exact: true }).press('ControlOrMeta+s')
  await expect(library.getByText('Saved "CCI tags".')).toBeVisible()
  expect((await readdir(folder)).sort()).toEqual(['cci-tags.request.json', 'collection.json'])
  // The URL's query is the Params rows: saved as a row, the URL without it.
  expect(JSON.parse(await readFile(join(folder, 'cci-tags.request.json'), 'utf8'))).toMatchObject({
    request: { url: '/api/v2/services/cci/tags', query: [{ name: 'limit', value: '1', enabled: true }] }
  })

  // Duplicate, rename and delete from the sidebar.
  await library.getByRole('button', { name: 'Duplicate CCI tags' }).click()
  await expect(library.getByTestId('collection-request')).toHaveCount(2)
  await library.getByRole('button', { name: 'Rename CCI tags' }).last().click()
  await library.getByLabel('New name').fill('Tags copy')
  await library.getByLabel('New name').press('Enter')
  await expect(library.getByRole('button', { name: 'GET Tags copy', exact: true })).toBeVisible()
  await library.getByRole('button', { name: 'Delete Tags copy' }).click()
  await library.getByRole('button', { name: 'Confirm delete Tags copy' }).click()
  await expect(library.getByTestId('collection-request')).toHaveCount(1)

  // Folders: create one, move the request into it (a sub-directory on disk), rename it, delete it with its contents.
  await library.getByRole('button', { name: 'New folder in Tenant requests' }).click()
  await library.getByLabel('New folder name').fill('Services')
  await library.getByLabel('New folder name').press('Enter')
  await expect(library.getByText('📁 Services')).toBeVisible()
  await library.getByRole('button', { name: 'Move CCI tags' }).click()
  await library.getByLabel('Move CCI tags to folder').selectOption({ label: '\u00a0\u00a0Services' })
  await expect.poll(async () => (await readdir(folder)).sort()).toEqual(['collection.json', 'services'])
  expect(await readdir(join(folder, 'services'))).toContain('cci-tags.request.json')
  await library.getByRole('button', { name: 'Rename folder Services' }).click()
  await library.getByLabel('New folder name').fill('CCI')
  await library.getByLabel('New folder name').press('Enter')
  await expect(library.getByText('📁 CCI')).toBeVisible()
  await library.getByRole('button', { name: 'Delete folder CCI' }).click()
  await library.getByRole('button', { name: 'Confirm delete folder CCI' }).click()
  await expect(library.getByTestId('collection-request')).toHaveCount(0)
  expect(await readdir(folder)).toEqual(['collection.json'])
})

test('a cURL command pasted into the URL bar fills method, URL, headers and body', async ({ app }) => {
  const command = `curl -X PUT 'https://tenant.example.com/api/v2/policy/urllist/7?dry=1' -H 'X-Trace: abc 123' -H 'Content-Type: application/json' --data-raw '{"name":"blocked"}'`
  await app.getByLabel('URL', { exact: true }).fill(command)
  await expect(app.getByLabel('Method')).toHaveValue('PUT')
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue('https://tenant.example.com/api/v2/policy/urllist/7?dry=1')
  await expect(app.getByTestId('curl-notice')).toContainText('Imported the cURL command')
  await requestTab(app, /^Headers/).click()
  await expect(app.getByRole('textbox', { name: 'header 1 name' })).toHaveValue('X-Trace')
  await expect(app.getByRole('textbox', { name: 'header 1 value' })).toHaveValue('abc 123')
  await requestTab(app, /^Body/).click()
  await expect(app.getByRole('radio', { name: 'JSON' })).toBeChecked()

  // A command that cannot be read is kept as typed and explained.
  await app.getByLabel('URL', { exact: true }).fill("curl 'https://x.example.com")
  await expect(app.getByTestId('curl-notice')).toContainText(/Cannot (read|import) the cURL command/)
})

test('import a Postman v2.1 collection (secrets not copied) and export it as HAR and Postman', async ({ app, bridge }) => {
  const fixture = resolve(import.meta.dirname, '../main/core/collections/fixtures/sample.postman_collection.json')
  const folder = join(work, 'imported')
  bridge.setPickedFile(fixture)
  bridge.setPickedFolder(folder)
  const library = await sidebarView(app, 'Collections')
  await library.getByRole('button', { name: 'Import Postman…' }).click()
  await expect(library.getByRole('status')).toContainText('into "Security APIs (sample)"')
  await expect(library.getByRole('status')).toContainText('were not copied')
  const collection = library.getByRole('region', { name: 'Collection Security APIs (sample)' })
  await expect(collection.getByRole('button', { name: /Page events \(iterator\)/ }).first()).toBeVisible()

  // Opening an imported request fills the editor.
  await collection.getByRole('button', { name: 'GET Page events (iterator)', exact: true }).click()
  await expect(app.getByLabel('URL', { exact: true })).toHaveValue(/\/api\/v2\/events\/dataexport\/events\/page/)

  const har = join(work, 'export.har')
  bridge.setSavePath(har)
  await collection.getByRole('button', { name: 'Export Security APIs (sample) as HAR' }).click()
  await expect(library.getByRole('status')).toContainText(`Exported to ${har}.`)
  const harText = await readFile(har, 'utf8')
  expect((JSON.parse(harText) as { log: { entries: unknown[] } }).log.entries.length).toBeGreaterThan(3)
  const postman = join(work, 'export.postman_collection.json')
  bridge.setSavePath(postman)
  await collection.getByRole('button', { name: 'Export Security APIs (sample) as Postman' }).click()
  await expect(library.getByRole('status')).toContainText(`Exported to ${postman}.`)
  for (const text of [harText, await readFile(postman, 'utf8'), ...(await Promise.all((await readdir(folder)).filter((name) => name.endsWith('.json')).map((name) => readFile(join(folder, name), 'utf8'))))]) {
    expect(text).not.toContain('nsk-LITERAL-v2-token-0123456789')
    expect(text).not.toContain('ce-LITERAL-client-secret')
  }
})

test('a file named by an imported collection is uploaded only after the user confirms its path', async ({ app, bridge }, testInfo) => {
  const echo = await startEchoServer()
  try {
    const file = join(work, 'indicators.csv')
    await writeFile(file, 'ioc,type\nevil.example,domain\n')
    const shared = join(work, 'shared.postman_collection.json')
    const formdata = [{ key: 'file', src: file, type: 'file' }]
    const item = { name: 'Upload report', request: { method: 'POST', url: `${echo.url}/upload`, body: { mode: 'formdata', formdata } } }
    await writeFile(shared, JSON.stringify({ info: { name: 'Shared', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [item] }))
    bridge.setPickedFile(shared)
    bridge.setPickedFolder(join(work, 'shared'))
    const library = await sidebarView(app, 'Collections')
    await library.getByRole('button', { name: 'Import Postman…' }).click()
    const collection = library.getByRole('region', { name: 'Collection Shared' })
    await collection.getByRole('button', { name: 'POST Upload report', exact: true }).click()
    await expect(app.getByLabel('URL', { exact: true })).toHaveValue(`${echo.url}/upload`)

    // First send: main asks, showing the path; Escape declines and nothing reaches the server.
    await app.getByRole('button', { name: 'Send' }).click()
    const dialog = app.getByRole('alertdialog', { name: /Upload this local file/ })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('list', { name: 'Files to upload' })).toHaveText(file)
    // While it asks, the send has not failed: no error panel behind the dialog.
    await expect(app.getByTestId('error-panel')).toHaveCount(0)
    await app.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(app.getByTestId('error-panel')).toContainText(file)
    expect(echo.requests).toHaveLength(0)

    // Second try: Upload sends it, with the file's content.
    await app.getByRole('button', { name: 'Send' }).click()
    await expect(dialog).toBeVisible()
    // Modal: Tab cycles between its two buttons and never reaches the workspace behind it.
    await expect(dialog.getByRole('button', { name: 'Upload' })).toBeFocused()
    for (const name of ['Cancel', 'Upload', 'Cancel']) {
      await app.keyboard.press('Tab')
      await expect(dialog.getByRole('button', { name })).toBeFocused()
    }
    await app.keyboard.press('Shift+Tab')
    await expect(dialog.getByRole('button', { name: 'Upload' })).toBeFocused()
    await app.screenshot({ path: testInfo.outputPath('confirm-upload-1280x800.png') })
    await dialog.getByRole('button', { name: 'Upload' }).click()
    await expect(app.getByTestId('status')).toHaveText('200 OK')
    expect(echo.requests[0]?.body.toString('utf8')).toContain('evil.example,domain')

    // Confirmed once, it is not asked again this session.
    await app.getByRole('button', { name: 'Send' }).click()
    await expect.poll(() => echo.requests.length).toBe(2)
    await expect(dialog).toBeHidden()
  } finally {
    await echo.close()
  }
})
