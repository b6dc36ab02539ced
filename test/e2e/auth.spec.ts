import type { Page } from '@playwright/test'
import type { Bridge } from './bridge/bridge-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

// The auth panel end to end: environments created from the UI for the sandbox, credentials typed into write-only
// fields, requests sent through the real core. The sandbox credentials are well-known test values.
test.use({ coreSandbox: { waitTime: 0 } })

function sandbox(bridge: Bridge): NonNullable<Bridge['sandbox']> {
  const running = bridge.sandbox
  if (!running) throw new Error('the sandbox is not running')
  return running
}

async function createEnvironment(app: Page, bridge: Bridge, name: string, api: string, url: string): Promise<void> {
  await app.getByTestId('auth-toggle').click()
  const panel = app.getByTestId('auth-panel')
  await panel.getByTestId('new-env-name').fill(name)
  await panel.getByTestId('new-env-api').selectOption(api)
  await panel.getByTestId('new-env-url').fill(url)
  bridge.setPickedFile(sandbox(bridge).caPath)
  await panel.getByTestId('new-env-ca').click()
  await expect(panel.getByTestId('new-env-ca')).toContainText('CA:')
  await panel.getByTestId('new-env-create').click()
  await expect(app.getByTestId('environment').locator('option:checked')).toHaveText(name)
  await expect(panel.getByRole('heading')).toHaveText(`Auth · ${name}`)
}

async function setSecret(app: Page, name: string, value: string): Promise<void> {
  await app.getByTestId(`secret-input-${name}`).fill(value)
  await app.getByTestId(`secret-save-${name}`).click()
  await expect(app.getByTestId(`secret-state-${name}`)).toHaveText('set')
  await expect(app.getByTestId(`secret-input-${name}`)).toHaveValue('')
}

async function send(app: Page, method: string, url: string): Promise<void> {
  await enterRequest(app, method, url)
  await app.getByRole('button', { name: 'Send' }).click()
}

/** Reads the sent request from the response panel; the auth drawer lies over it, so it is closed and reopened. */
async function sentHeaders(app: Page): Promise<string> {
  const drawerOpen = await app.getByTestId('auth-panel').isVisible()
  if (drawerOpen) await app.getByTestId('auth-toggle').click()
  await app.getByTestId('response-panel').getByRole('tab', { name: 'Sent request' }).click()
  const text = (await app.getByTestId('request-echo').textContent()) ?? ''
  if (drawerOpen) await app.getByTestId('auth-toggle').click()
  return text
}

async function expectNoSecrets(app: Page, secrets: string[]): Promise<void> {
  const html = await app.content()
  for (const secret of secrets) expect(html).not.toContain(secret)
}

test('InsightCloudSec: login from the panel, then the API key wins when both are set', async ({ app, bridge }) => {
  const user = sandbox(bridge).credentials.insightcloudsec.users[0]
  if (!user) throw new Error('no sandbox ICS user')
  await createEnvironment(app, bridge, 'My ICS', 'insightcloudsec', sandbox(bridge).urls.insightcloudsec)
  await expect(app.getByTestId('auth-sso-hint')).toContainText('API key')
  await expect(app.getByTestId('auth-effective')).toHaveText('No credential will be sent')

  await app.getByTestId('auth-username').fill(user.username)
  await app.getByTestId('auth-save-profile').click()
  await setSecret(app, 'password', user.password)
  await expect(app.getByTestId('auth-effective')).toHaveText('InsightCloudSec login session')
  await app.getByTestId('auth-login').click()
  await expect(app.getByTestId('auth-logged-in')).toContainText(`Logged in as ${user.username} until`)

  await send(app, 'GET', '/v2/public/user/info')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('auth-logged-in')).toContainText(`Logged in as ${user.username} until`)
  await expect(app.getByTestId('auth-header-preview')).toContainText('x-auth-token: ••••')

  await setSecret(app, 'apiKey', user.apiKey)
  await expect(app.getByTestId('auth-both-note')).toContainText('Also stored but not sent: the InsightCloudSec login session')
  await expect(app.getByTestId('auth-ics-use-help')).toContainText('If both headers are sent, InsightCloudSec uses the API key')
  await expect(app.getByTestId('auth-header-preview')).toHaveText(`Api-Key: ••••${user.apiKey.slice(-4)}`)
  await send(app, 'GET', '/v2/public/user/info')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(await sentHeaders(app)).toContain('Api-Key')

  // A new key replaces the stored one after a warning; it is never shown, only its masked tail changes.
  await app.getByTestId('generate-api-key-start').click()
  await expect(app.getByTestId('generate-api-key-warning')).toContainText('deactivates your current API key')
  await app.getByTestId('generate-api-key-confirm').click()
  await expect(app.getByTestId('generate-api-key-result')).toContainText('stored in the vault')
  await expect(app.getByTestId('auth-header-preview')).not.toHaveText(`Api-Key: ••••${user.apiKey.slice(-4)}`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  const newKey = await bridge.core.vault.reveal(`${(await app.getByTestId('environment').inputValue())}/apiKey`)
  expect(newKey).toBeTruthy()

  // The toggle: "Login (x-auth-token)" sends the session while the key stays stored.
  await app.getByTestId('auth-ics-use').selectOption('login')
  await app.getByTestId('auth-save-profile').click()
  await expect(app.getByTestId('auth-effective')).toHaveText('InsightCloudSec login session')
  await expect(app.getByTestId('auth-both-note')).toContainText('Also stored but not sent: the InsightCloudSec API key')
  await send(app, 'GET', '/v2/public/user/info')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  const sent = await sentHeaders(app)
  expect(sent).toContain('x-auth-token')
  expect(sent).not.toContain('Api-Key')

  await app.getByTestId('auth-logout').click()
  await expect(app.getByTestId('auth-logged-in')).toHaveCount(0)
  await app.getByTestId('secret-delete-apiKey').click()
  // It asks first; Cancel keeps the key.
  const confirm = app.getByTestId('secret-apiKey').getByRole('alertdialog')
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(app.getByTestId('secret-state-apiKey')).toHaveText('set')
  await app.getByTestId('secret-delete-apiKey').click()
  await confirm.getByRole('button', { name: 'Delete' }).click()
  await expect(app.getByTestId('secret-state-apiKey')).toHaveText('not set')
  await expectNoSecrets(app, [user.password, user.apiKey, newKey ?? 'missing'])
})

test('InsightCloudSec: a wrong password shows a clear error in the response and in the panel', async ({ app, bridge }) => {
  const user = sandbox(bridge).credentials.insightcloudsec.users[0]
  if (!user) throw new Error('no sandbox ICS user')
  await createEnvironment(app, bridge, 'Wrong ICS', 'insightcloudsec', sandbox(bridge).urls.insightcloudsec)
  await app.getByTestId('auth-username').fill(user.username)
  await app.getByTestId('auth-save-profile').click()
  await setSecret(app, 'password', 'definitely-not-the-password')

  await send(app, 'GET', '/v2/public/user/info')
  await expect(app.getByTestId('error-message')).toContainText(`InsightCloudSec login as "${user.username}" failed`)
  await expect(app.getByTestId('auth-last-error')).toContainText('login')
  // A second send is not another login attempt with the same wrong password (accounts lock after repeated failures).
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('error-message')).toContainText('Not retried')

  await setSecret(app, 'password', user.password)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('auth-last-error')).toHaveCount(0)
  await expectNoSecrets(app, [user.password, 'definitely-not-the-password'])
})

test('Netskope: v2 token header, Bearer option, and v1 token parameter', async ({ app, bridge }) => {
  const { v2Tokens, v1Token } = sandbox(bridge).credentials.netskope
  const v2 = v2Tokens.find((token) => !token.expired)?.token
  if (!v2) throw new Error('no sandbox v2 token')
  await createEnvironment(app, bridge, 'My tenant', 'netskope', sandbox(bridge).urls.netskope)
  await setSecret(app, 'v2Token', v2)
  await expect(app.getByTestId('auth-header-preview')).toHaveText(`Netskope-Api-Token: ••••${v2.slice(-4)}`)
  await send(app, 'GET', '/api/v2/services/cci/tags')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(await sentHeaders(app)).toContain('Netskope-Api-Token')

  await app.getByTestId('auth-v2-scheme').selectOption('bearer')
  await app.getByTestId('auth-save-profile').click()
  await expect(app.getByTestId('auth-header-preview')).toContainText('Authorization: Bearer ••••')
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  expect(await sentHeaders(app)).toContain('Bearer')

  await setSecret(app, 'v1Token', v1Token)
  await send(app, 'POST', '/api/v1/app_instances?op=list')
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  const echo = await sentHeaders(app)
  expect(echo).toContain('token=')
  await expectNoSecrets(app, [v2, v1Token])
})

test('Cloud Exchange: client credentials give a Bearer token; a wrong secret is a clear error', async ({ app, bridge }) => {
  const client = sandbox(bridge).credentials.cloudExchange.clients[0]
  if (!client) throw new Error('no sandbox CE client')
  await createEnvironment(app, bridge, 'My CE', 'cloud-exchange', sandbox(bridge).urls.cloudExchange)
  await app.getByTestId('auth-client-id').fill(client.clientId)
  await app.getByTestId('auth-save-profile').click()
  await setSecret(app, 'clientSecret', 'wrong-client-secret')
  await send(app, 'GET', '/api/tenants')
  await expect(app.getByTestId('error-message')).toContainText(`Cloud Exchange token request for client "${client.clientId}" failed`)
  await expect(app.getByTestId('auth-last-error')).toBeVisible()

  await setSecret(app, 'clientSecret', client.clientSecret)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('auth-header-preview')).toContainText('Authorization: Bearer ••••')
  await expect(app.getByTestId('auth-logged-in')).toBeVisible()
  await expectNoSecrets(app, [client.clientSecret, 'wrong-client-secret'])
})

test('CrowdStrike Falcon: a new environment with the generated auth form exchanges its client credentials', async ({ app, bridge }) => {
  const client = sandbox(bridge).credentials.falcon.clients[0]
  if (!client) throw new Error('no sandbox Falcon client')
  await createEnvironment(app, bridge, 'My Falcon', 'falcon', sandbox(bridge).urls.falcon)
  await app.getByTestId('auth-client-id').fill(client.clientId)
  await app.getByTestId('auth-save-profile').click()
  await setSecret(app, 'clientSecret', 'wrong-falcon-secret')
  await send(app, 'GET', '/devices/queries/devices/v1')
  await expect(app.getByTestId('error-message')).toContainText(`CrowdStrike Falcon token request for client "${client.clientId}" failed (HTTP 403)`)

  await setSecret(app, 'clientSecret', client.clientSecret)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('auth-effective')).toHaveText('CrowdStrike Falcon client credentials')
  await expect(app.getByTestId('auth-header-preview')).toContainText('Authorization: Bearer ••••')
  await expectNoSecrets(app, [client.clientSecret, 'wrong-falcon-secret'])
})
