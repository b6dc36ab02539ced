import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './test/e2e/find-browser'

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // docs/screenshot.png is only regenerated on request: `UPDATE_SCREENSHOT=1 npx playwright test screenshot`.
  testIgnore: process.env['UPDATE_SCREENSHOT'] === '1' ? [] : ['**/screenshot.spec.ts'],
  // The specs resolve `@shared/*` like the app does.
  tsconfig: './tsconfig.node.json',
  globalSetup: './test/e2e/global-setup.ts',
  // One browser, one worker: the CI machine has two cores and each test starts its own core + servers.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env['CI'] ? [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]] : 'list',
  outputDir: 'test-results/e2e',
  use: {
    browserName: 'chromium',
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS }
  }
})
