/**
 * Regenerates docs/screenshot.png (the README image). Not part of the normal run:
 *   UPDATE_SCREENSHOT=1 npx playwright test screenshot
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { expect, test } from './fixtures'
import { enterRequest, requestTab } from './helpers'

const ALERTS = {
  ok: 1,
  result: [
    { _id: 'f3a1c2', alert_name: 'DLP - PCI upload', alert_type: 'DLP', app: 'Box', user: 'ana@example.com', severity: 'high', timestamp: 1708955654 },
    { _id: '9b7e40', alert_name: 'Anomalous download', alert_type: 'uba', app: 'Amazon S3', user: 'raj@example.com', severity: 'medium', timestamp: 1708955660 },
    { _id: '51d0aa', alert_name: 'Malware detected', alert_type: 'malware', app: 'OneDrive', user: 'li@example.com', severity: 'critical', timestamp: 1708955702 }
  ],
  wait_time: 0,
  timestamp_hwm: 1708955702
}

let server: Server
let url = ''
test.beforeAll(async () => {
  const body = gzipSync(JSON.stringify(ALERTS))
  server = createServer((_request, response) => {
    // A little server think time so the timing chart has something to show.
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length })
      response.end(body)
    }, 35)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
test.afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()))
})

test('README screenshot', async ({ app }) => {
  await enterRequest(app, 'GET', `${url}/api/v2/events/dataexport/events/alert`)
  await app.getByRole('button', { name: '+ Add query parameter' }).click()
  await app.getByLabel('query parameter 1 name').fill('index')
  await app.getByLabel('query parameter 1 value').fill('soc_export')
  await app.getByRole('button', { name: '+ Add query parameter' }).click()
  await app.getByLabel('query parameter 2 name').fill('operation')
  await app.getByLabel('query parameter 2 value').fill('next')
  await requestTab(app, /^Params/).click()
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('response-editor').locator('.view-lines')).toContainText('"alert_name"')
  await app.mouse.move(0, 0)
  // Let Monaco finish colouring the visible lines (it tokenizes in idle time).
  await app.waitForTimeout(800)
  await app.screenshot({ path: resolve(import.meta.dirname, '../../docs/screenshot.png') })
})
