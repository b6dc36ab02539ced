import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

const sizes = [[1024, 640], [1280, 800], [1920, 1080]] as const
for (const scheme of ['light', 'dark'] as const) {
  test(`env manager shots ${scheme}`, async ({ app, bridge }) => {
    test.setTimeout(120_000)
    await bridge.call('environment:save', {
      id: 'p', name: 'Acme production tenant with a long name', baseUrl: 'https://acme.goskope.com', production: true, color: 'orange',
      variables: [
        { name: 'tenant', value: 'acme', enabled: true, secret: false },
        { name: 'region', value: 'eu-west-1', enabled: false, secret: false },
        { name: 'token', value: '', enabled: true, secret: true }
      ]
    })
    await bridge.call('environment:save', { id: 's', name: 'Staging', baseUrl: 'https://staging.example.com', color: 'green' })
    await app.emulateMedia({ colorScheme: scheme })
    await app.reload()
    await app.getByTestId('environment').selectOption('p')
    for (const [width, height] of sizes) {
      await app.setViewportSize({ width, height })
      await app.getByRole('button', { name: 'Manage environments' }).click()
      const dialog = app.getByTestId('env-manager')
      await expect(dialog).toBeVisible()
      const overflow = await dialog.evaluate((node) => node.scrollWidth - node.clientWidth)
      console.log(scheme, width, 'dialog overflow', overflow)
      await app.screenshot({ path: `/tmp/shots/manager-${scheme}-${width}.png` })
      await dialog.getByRole('button', { name: 'Close', exact: true }).click()
      await enterRequest(app, 'DELETE', '/api/v2/things/1')
      await app.getByRole('button', { name: 'Send' }).click()
      await expect(app.getByTestId('production-confirm')).toBeVisible()
      await app.screenshot({ path: `/tmp/shots/confirm-${scheme}-${width}.png` })
      await app.getByTestId('production-confirm').getByRole('button', { name: 'Cancel' }).click()
    }
  })
}
