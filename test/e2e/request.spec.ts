import type { EchoReply, RunningServer } from '../support/echo-server'
import { startEchoServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest, rawBody, requestTab, setJsonBody } from './helpers'

let echo: RunningServer
test.beforeAll(async () => {
  echo = await startEchoServer()
})
test.afterAll(async () => {
  await echo.close()
})
test.beforeEach(() => {
  echo.requests.length = 0
})

function header(record: { headers: [string, string][] } | undefined, name: string): string | undefined {
  return record?.headers.find(([key]) => key.toLowerCase() === name)?.[1]
}

test('GET to the echo server shows status, timings, headers and the pretty-printed body', async ({ app }) => {
  await enterRequest(app, 'GET', `${echo.url}/items?page=1`)
  await app.getByRole('button', { name: 'Send' }).click()

  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('status')).toHaveClass(/status-success/)
  await expect(app.getByTestId('timing-chart')).toContainText('TTFB')
  await expect(app.getByTestId('size')).toContainText('on the wire')
  // Pretty view: Monaco shows the echo JSON re-indented.
  const pretty = app.getByTestId('response-editor').locator('.view-lines')
  await expect(pretty).toContainText('"method": "GET"')
  await expect(pretty).toContainText('"path": "/items"')
  // Raw view: the body exactly as received.
  const reply = JSON.parse(await rawBody(app)) as EchoReply
  expect(reply).toMatchObject({ method: 'GET', path: '/items', query: [['page', '1']] })

  await app.getByRole('tablist', { name: 'Response parts' }).getByRole('tab', { name: /^Headers/ }).click()
  await expect(app.getByTestId('response-headers')).toContainText('application/json')
  expect(echo.requests).toHaveLength(1)
})

test('a POST with a JSON body reaches the server as sent, with its content type', async ({ app }) => {
  await enterRequest(app, 'POST', `${echo.url}/alerts`)
  const payload = '{\n  "name": "Exfil alert",\n  "severity": 3,\n  "tags": ["dlp", "s3"]\n}'
  await setJsonBody(app, payload)
  await expect(app.getByTestId('json-warning')).toHaveCount(0)
  await app.getByRole('button', { name: 'Send' }).click()

  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(echo.requests).toHaveLength(1)
  const [received] = echo.requests
  expect(received?.method).toBe('POST')
  expect(received?.body.toString('utf8')).toBe(payload)
  expect(header(received, 'content-type')).toMatch(/^application\/json/)
})

test('invalid JSON is marked and warned about, and still sent as text', async ({ app }) => {
  await enterRequest(app, 'POST', `${echo.url}/broken`)
  const broken = '{"name": "alpha", "count": }'
  await setJsonBody(app, broken)

  await expect(app.getByTestId('json-warning')).toContainText('Not valid JSON — will be sent as text')
  // Monaco's JSON language service marks the syntax error in the editor.
  await expect(app.getByTestId('body-json-editor').locator('.squiggly-error').first()).toBeVisible()

  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('warnings')).toContainText('not valid JSON')
  expect(echo.requests[0]?.body.toString('utf8')).toBe(broken)
})

test('Ctrl+Enter sends from the URL bar and from inside the body editor', async ({ app }) => {
  await enterRequest(app, 'GET', `${echo.url}/first`)
  await app.getByLabel('URL', { exact: true }).press('Control+Enter')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(echo.requests.map((record) => record.path)).toEqual(['/first'])

  await enterRequest(app, 'PUT', `${echo.url}/second`)
  await setJsonBody(app, '{"a": 1}')
  await app.keyboard.press('Control+Enter')
  await expect.poll(() => echo.requests.map((record) => record.path)).toEqual(['/first', '/second'])
  // The shortcut did not also insert a line into the editor.
  expect(echo.requests[1]?.body.toString('utf8')).toBe('{"a": 1}')
})

test('an invalid URL gives a clear error, and the next request works', async ({ app }) => {
  await enterRequest(app, 'GET', 'http://127.0.0.1:99999/x')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-code')).toHaveText('INVALID_URL')
  await expect(app.getByTestId('error-message')).toContainText('port')

  await app.getByLabel('URL', { exact: true }).fill('api.example.com/v1')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toContainText('has no scheme')
  await expect(app.getByTestId('error-hint')).toContainText('https://')

  await app.getByLabel('URL', { exact: true }).fill('')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toHaveText('The URL is empty.')

  await app.getByLabel('URL', { exact: true }).fill(`${echo.url}/ok`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
})

test('enabled query parameters and headers are sent; unticked rows are not', async ({ app }) => {
  await enterRequest(app, 'GET', `${echo.url}/search`)
  await app.getByRole('button', { name: '+ Add query parameter' }).click()
  await app.getByLabel('query parameter 1 name').fill('limit')
  await app.getByLabel('query parameter 1 value').fill('50')
  await app.getByRole('button', { name: '+ Add query parameter' }).click()
  await app.getByLabel('query parameter 2 name').fill('debug')
  await app.getByLabel('query parameter 2 value').fill('1')
  await app.getByLabel('Send query parameter 2').uncheck()

  await requestTab(app, /^Headers/).click()
  await app.getByRole('button', { name: '+ Add header' }).click()
  await app.getByLabel('header 1 name').fill('X-Trace')
  await app.getByLabel('header 1 value').fill('abc123')
  await expect(requestTab(app, 'Params (1)')).toBeVisible()

  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  const [received] = echo.requests
  expect(received?.query).toEqual([['limit', '50']])
  expect(header(received, 'x-trace')).toBe('abc123')
})

test('a body larger than the preview is paged in with "Load more"', async ({ app }) => {
  const size = 600_000
  await enterRequest(app, 'GET', `${echo.url}/big?size=${size}`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('body-progress')).toContainText('Showing')

  const loadMore = app.getByRole('button', { name: 'Load more' })
  while (await loadMore.isVisible()) await loadMore.click()
  await expect(app.getByTestId('body-progress')).not.toContainText('Showing')
  const text = await rawBody(app)
  expect(text.length).toBe(size)
  expect(text.startsWith('The quick brown fox')).toBe(true)
})
