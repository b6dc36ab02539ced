import { accessSync, constants, existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (!dir) continue
    const candidate = join(dir, name)
    if (isExecutable(candidate)) return candidate
  }
  return null
}

function playwrightsOwn(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } }
    const path = chromium.executablePath()
    return path && existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * A Chromium-family browser for the e2e suite: $CHROMIUM_PATH, else one on PATH, else Playwright's own download.
 * We never download one ourselves; the error says how to get one.
 */
export function findChromium(): string {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv
    throw new Error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`)
  }
  for (const name of CANDIDATES) {
    const found = onPath(name)
    if (found) return found
  }
  const own = playwrightsOwn()
  if (own) return own
  throw new Error(
    'No Chromium-family browser found for the e2e tests (looked at $CHROMIUM_PATH, ' +
      `${CANDIDATES.join(', ')} on PATH, and Playwright's own browsers). Install one: ` +
      '`sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`, ' +
      'or point CHROMIUM_PATH at an existing Chrome/Chromium binary.'
  )
}

/** Flags that work as root in containers and keep the browser off the network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]
