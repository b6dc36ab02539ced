import { test as base, expect, type Page } from '@playwright/test'
import { resolve } from 'node:path'
import { startBridge, type Bridge, type BridgeOptions } from './bridge/bridge-server'
import { installApiShim } from './bridge/api-shim'

const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')

interface Fixtures {
  /** Core options for this test's bridge; override with test.use({ coreSandbox: {...} }). */
  coreSandbox: BridgeOptions['sandbox']
  /** A fresh core (own temp data dir) behind a fresh bridge, per test. */
  bridge: Bridge
  /** The app loaded in the page, ready for input. */
  app: Page
}

export const test = base.extend<Fixtures>({
  coreSandbox: [false, { option: true }],
  bridge: async ({ coreSandbox }, use) => {
    const bridge = await startBridge({ rendererDir: RENDERER_DIR, sandbox: coreSandbox })
    await use(bridge)
    await bridge.close()
  },
  app: async ({ page, bridge }, use) => {
    const problems: string[] = []
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text())
    })
    await page.addInitScript(installApiShim, { origin: bridge.url, token: bridge.token })
    await page.goto(bridge.url)
    await expect(page.getByRole('button', { name: 'Send' })).toBeVisible()
    await use(page)
    // Uncaught errors and CSP violations fail the test even when the visible assertions passed.
    expect(problems, 'uncaught page errors / CSP violations').toEqual([])
  }
})

export { expect }
