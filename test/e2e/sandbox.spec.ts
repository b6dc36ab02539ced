import { expect, test } from './fixtures'
import { enterRequest, rawBody } from './helpers'

// The app as `npm start` opens it: the built-in sandbox running over HTTPS, one environment per vendor created on
// first run with their credentials in the vault and the sandbox CA trusted (verification stays on).
test.use({ coreSandbox: {} })

const cases = [
  { environment: 'Sandbox · Netskope tenant', path: '/api/v2/services/cci/tags', expect: '"data"' },
  { environment: 'Sandbox · Cloud Exchange', path: '/api/tenants', expect: '"name"' },
  { environment: 'Sandbox · InsightCloudSec', path: '/v2/prototype/domain/organizations/detail/get', expect: '"organizations"' },
  { environment: 'Sandbox · CrowdStrike Falcon', path: '/devices/queries/devices/v1?limit=2', expect: '"resources"' }
] as const

test('the app opens on the sandbox and a request to each API succeeds', async ({ app }) => {
  const select = app.getByTestId('environment')
  await expect(select.locator('option:checked')).toHaveText(/^Sandbox · /)
  await expect(app.getByTestId('tls-warning')).toHaveCount(0)

  for (const item of cases) {
    await select.selectOption({ label: item.environment })
    await enterRequest(app, 'GET', item.path)
    await app.getByRole('button', { name: 'Send' }).click()
    await expect(app.getByTestId('status'), item.environment).toHaveText('200 OK')
    expect(await rawBody(app)).toContain(item.expect)
    // The credential went over the wire masked in the echo; the page never saw it.
    const html = await app.content()
    for (const secret of ['sandbox-netskope-v2-full-0001', 'sandbox-ce-secret-full', 'sandboxIcsAdminKey-00000000000000000000000000000001', 'sandbox-falcon-secret-full']) {
      expect(html).not.toContain(secret)
    }
  }
})
