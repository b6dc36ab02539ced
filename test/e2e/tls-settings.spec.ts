import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startHttpsServer, type RunningHttpsServer } from '../support/https-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

let https: RunningHttpsServer
test.beforeAll(async () => {
  https = await startHttpsServer({ cert: 'ca-signed' })
})
test.afterAll(async () => {
  await https.close()
})

test('a private-CA server works once its CA bundle is added to the environment, verification staying on', async ({ app, bridge }) => {
  const caFile = join(await mkdtemp(join(tmpdir(), 'tls-e2e-')), 'lab-ca.pem')
  await writeFile(caFile, https.caPem)
  await bridge.call('environment:save', { id: 'lab', name: 'Lab', baseUrl: https.url })
  await app.reload()
  await app.getByLabel('Environment').selectOption('lab')

  await enterRequest(app, 'GET', '/status')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-code')).toHaveText('TLS_UNTRUSTED')

  await app.getByTestId('tls-toggle').click()
  bridge.setPickedFile(caFile)
  await app.getByRole('button', { name: 'Choose CA bundle…' }).click()
  await expect(app.getByTestId('tls-ca')).toContainText('lab-ca.pem')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('tls-warning')).toHaveCount(0)

  // Turning verification off is possible, and the warning then stays on screen.
  await app.getByTestId('tls-verify').click()
  await expect(app.getByTestId('tls-verify')).not.toBeChecked()
  await expect(app.getByTestId('tls-warning')).toBeVisible()
})
