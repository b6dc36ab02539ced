import { startEchoServer, type RunningServer } from '../support/echo-server'
import { expect, test } from './fixtures'
import { enterRequest } from './helpers'

// The environment's credential goes only to its own origin and the ones listed under Allowed origins (TLS popover).
let home: RunningServer
let other: RunningServer
test.beforeAll(async () => {
  ;[home, other] = await Promise.all([startEchoServer(), startEchoServer()])
})
test.afterAll(async () => {
  await Promise.all([home.close(), other.close()])
})

test('a foreign origin gets no credential until it is allowed, from the keyboard', async ({ app, bridge }) => {
  await bridge.call('environment:save', {
    id: 'tenant', name: 'Tenant', api: 'netskope', baseUrl: home.url, auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }
  })
  await bridge.call('vault:set', { environmentId: 'tenant', name: 'v2Token', value: 'e2e-v2-token-123456' })
  await app.reload()
  await app.getByLabel('Environment').selectOption('tenant')

  await enterRequest(app, 'GET', `${other.url}/api/v2/events`)
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('status')).toHaveText('200 OK')
  await expect(app.getByTestId('warnings')).toContainText(`credential withheld: ${other.url} is not this environment's origin`)
  expect(other.requests.at(-1)?.headers.some(([name]) => name.toLowerCase() === 'netskope-api-token')).toBe(false)

  await app.getByTestId('tls-toggle').click()
  const input = app.getByLabel('Add allowed origin')
  await input.fill('ftp://nope')
  await input.press('Enter')
  await expect(app.getByTestId('allowed-origin-error')).toContainText('not an http:// or https:// origin')
  await input.fill(`${other.url}/`)
  await input.press('Enter')
  await expect(app.getByTestId('allowed-origin')).toHaveText([`${other.url}Remove`])
  await expect(input).toHaveValue('')
  const saved = ((await bridge.call('environment:list', {})) as { value: Array<{ id: string; allowedOrigins?: string[] }> }).value
  expect(saved.find((environment) => environment.id === 'tenant')?.allowedOrigins).toEqual([other.url])

  // Adding an origin removed the stored secrets (they were bound to the old set): set again, then it is sent.
  await bridge.call('vault:set', { environmentId: 'tenant', name: 'v2Token', value: 'e2e-v2-token-123456' })
  await app.getByRole('button', { name: 'Send' }).click()
  await expect(app.getByTestId('warnings')).toHaveCount(0)
  expect(other.requests.at(-1)?.headers.some(([name, value]) => name.toLowerCase() === 'netskope-api-token' && value === 'e2e-v2-token-123456')).toBe(true)

  await app.getByRole('button', { name: `Remove ${other.url}` }).focus()
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('allowed-origin')).toHaveCount(0)
})
