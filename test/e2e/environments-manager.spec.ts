import type { Locator, Page } from '@playwright/test'
import { mkdir, writeFile } from 'node:fs/promises'
import { startEchoServer, type RunningServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest, rawBody } from './helpers'

// The environments manager through the built renderer and the bridge: a real core, a real vault, a real echo server.
const TOKEN = 'e2e-secret-variable-7d21f0'
let echo: RunningServer
test.beforeAll(async () => {
  echo = await startEchoServer()
})
test.afterAll(async () => {
  await echo.close()
})

function manager(app: Page): Locator {
  return app.getByTestId('env-manager')
}

async function openManager(app: Page): Promise<Locator> {
  await app.getByRole('button', { name: 'Manage environments' }).click()
  const dialog = manager(app)
  await expect(dialog).toBeVisible()
  return dialog
}

test('create, rename, variables, {{var}} resolved, production banner and confirmation, duplicate, delete', async ({ app, bridge }) => {
  // One user journey of about 60 steps and four sends: longer than the default 30 s on a busy two-core machine.
  test.setTimeout(120_000)
  let dialog = await openManager(app)
  await dialog.getByRole('button', { name: 'New environment' }).click()
  const name = dialog.getByLabel('Environment name')
  await expect(name).toHaveValue('New environment')
  await name.fill('Echo lab')
  await name.press('Enter')
  await expect(dialog.getByTestId('env-list').getByRole('button', { name: /Echo lab/ })).toBeVisible()
  await dialog.getByTestId('environment-base-url').fill(echo.url)
  await dialog.getByTestId('environment-base-url').press('Enter')

  // A plain variable and a secret one; the secret's value goes to the vault and comes back only as "set".
  await dialog.getByRole('button', { name: '+ Add variable' }).click()
  await dialog.getByLabel('variable 1 name').fill('tenant')
  await dialog.getByLabel('variable 1 value').fill('acme')
  await dialog.getByRole('button', { name: '+ Add variable' }).click()
  await dialog.getByLabel('variable 2 name').fill('token')
  await dialog.getByLabel('variable 2 secret').check()
  await dialog.getByRole('button', { name: 'Save variables' }).click()
  await expect(dialog.getByTestId('variables-message')).toHaveText('Saved.')
  await expect(dialog.getByTestId('secret-variable-token')).toContainText('not set')
  await dialog.getByLabel('Value of token').fill(TOKEN)
  await dialog.getByRole('button', { name: 'Set token' }).click()
  await expect(dialog.getByTestId('secret-variable-token')).toContainText('set')
  await expect(dialog.getByTestId('secret-variable-token')).not.toContainText('not set')
  await expect(dialog.getByLabel('Value of token')).toHaveValue('')
  await dialog.getByRole('button', { name: 'Use this environment' }).click()
  await expect(dialog).toBeHidden()

  // {{tenant}} and {{token}} resolved by main at send time; the page shows the token masked, never its value.
  await enterRequest(app, 'GET', '/t/{{tenant}}?k={{token}}')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(echo.requests.at(-1)?.path).toBe('/t/acme')
  expect(echo.requests.at(-1)?.query).toContainEqual(['k', TOKEN])
  expect(await rawBody(app)).toContain('/t/acme')
  expect(await app.content()).not.toContain(TOKEN)
  const history = JSON.stringify(await bridge.call('history:search', {}))
  expect(history).toContain('/t/')
  expect(history).not.toContain(TOKEN)

  // Production: a banner in the environment's colour; a POST asks first, and Cancel sends nothing.
  dialog = await openManager(app)
  await dialog.getByLabel('Production').check()
  await dialog.getByLabel('Colour').selectOption('red')
  await dialog.getByRole('button', { name: 'Close' }).click()
  const banner = app.getByTestId('production-banner')
  await expect(banner).toBeVisible()
  await expect(banner).toContainText('Echo lab')
  await expect(banner).toHaveClass(/env-color-red/)
  const before = echo.requests.length
  await enterRequest(app, 'POST', '/t/{{tenant}}')
  await app.getByRole('button', { name: 'Send' }).click()
  const confirm = app.getByTestId('production-confirm')
  await expect(confirm).toBeVisible()
  await expect(confirm).toContainText('POST')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toBeHidden()
  expect(echo.requests.length).toBe(before)
  await app.getByRole('button', { name: 'Send' }).click()
  await app.getByTestId('production-confirm').getByRole('button', { name: 'Send to production' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(echo.requests.at(-1)?.method).toBe('POST')
  // A GET is a read: no question.
  await enterRequest(app, 'GET', '/t/{{tenant}}')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect.poll(() => echo.requests.length).toBe(before + 2)
  await expect(app.getByTestId('production-confirm')).toHaveCount(0)

  // Duplicate: secrets are not copied unless the user says so, and the answer says which happened.
  dialog = await openManager(app)
  await dialog.getByRole('button', { name: 'Duplicate' }).click()
  await dialog.getByRole('button', { name: 'Duplicate without secrets' }).click()
  await expect(dialog.getByTestId('env-manager-message')).toContainText('not copied')
  await expect(dialog.getByLabel('Environment name')).toHaveValue('Echo lab copy')
  await expect(dialog.getByTestId('secret-variable-token')).toContainText('not set')

  // Delete the copy, with confirmation.
  await dialog.getByRole('button', { name: 'Delete' }).click()
  await dialog.getByRole('button', { name: 'Delete environment' }).click()
  await expect(dialog.getByTestId('env-list').getByRole('button', { name: /Echo lab copy/ })).toHaveCount(0)
  await expect(dialog.getByTestId('env-list').getByRole('button', { name: /Echo lab/ })).toHaveCount(1)
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  const list = (await bridge.call('environment:list', {})) as { value: Array<{ name: string }> }
  expect(list.value.map((environment) => environment.name)).toEqual(['Echo lab'])
  expect(JSON.stringify(list)).not.toContain(TOKEN)
})

test('a Postman environment file is imported; its secret values reach the vault only after "Store in vault"', async ({ app, bridge }, testInfo) => {
  const file = testInfo.outputPath('lab.postman_environment.json')
  await mkdir(testInfo.outputDir, { recursive: true })
  await writeFile(file, JSON.stringify({ name: 'Lab', values: [{ key: 'tenant', value: 'lab' }, { key: 'apiToken', value: TOKEN, type: 'secret' }] }))
  bridge.setPickedFile(file)
  const dialog = await openManager(app)
  await dialog.getByRole('button', { name: 'Import Postman…' }).click()
  await expect(dialog.getByLabel('Environment name')).toHaveValue('Lab')
  await expect(dialog.getByLabel('variable 1 value')).toHaveValue('lab')
  await expect(dialog.getByTestId('secret-variable-apiToken')).toContainText('not set')
  await dialog.getByRole('button', { name: 'Store in vault' }).click()
  await expect(dialog.getByTestId('env-manager-message')).toContainText('stored in the vault: apiToken')
  await expect(dialog.getByTestId('secret-variable-apiToken')).not.toContainText('not set')
  expect(await app.content()).not.toContain(TOKEN)
})

test('at 1024x640 the manager fits the window: nothing cut off, no sideways scroll', async ({ app, bridge }) => {
  await bridge.call('environment:save', {
    id: 'p', name: 'Acme production tenant with a rather long name', baseUrl: 'https://acme.example.com', production: true, color: 'orange',
    variables: [{ name: 'tenant', value: 'acme', enabled: true, secret: false }, { name: 'token', value: '', enabled: true, secret: true }]
  })
  await app.setViewportSize({ width: 1024, height: 640 })
  await app.reload()
  const dialog = await openManager(app)
  const box = await dialog.boundingBox()
  expect(box).not.toBeNull()
  expect(box?.x).toBeGreaterThanOrEqual(0)
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1024)
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(640)
  for (const part of ['env-manager', 'env-details']) {
    const overflow = await app.getByTestId(part).evaluate((node) => node.scrollWidth - node.clientWidth)
    expect(overflow, part).toBeLessThanOrEqual(0)
  }
  await expect(dialog.getByRole('button', { name: 'Set token' })).toBeInViewport()
})
