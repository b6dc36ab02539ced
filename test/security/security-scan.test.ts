import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The scan step in `npm test` must be able to fail: run the wrapper on a deliberately insecure app and on stale
// allowlists, and check it names each problem and exits non-zero.
const SCRIPT = resolve(import.meta.dirname, '../../scripts/security-scan.mjs')
const dir = mkdtempSync(join(tmpdir(), 'security-scan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function fixture(name: string, windowSource: string, scripts: Record<string, string> = {}): string {
  const root = join(dir, name)
  mkdirSync(join(root, 'src'), { recursive: true })
  writeFileSync(join(root, 'src/window.js'), windowSource)
  writeFileSync(
    join(root, 'src/index.html'),
    `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-abc'"></head></html>`
  )
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: name, scripts, devDependencies: { electron: '^45.4.1' } }, null, 2))
  return root
}

function scan(root: string, allowlist: unknown): { status: number | null; out: string } {
  const allowlistPath = join(root, 'allowlist.json')
  writeFileSync(allowlistPath, JSON.stringify(allowlist))
  const args = [SCRIPT, '--input', join(root, 'src'), '--package-json', join(root, 'package.json'), '--allowlist', allowlistPath]
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' })
  return { status: result.status, out: result.stdout + result.stderr }
}

const HARDENED = `
const { BrowserWindow, session } = require('electron')
const win = new BrowserWindow({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } })
win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
win.webContents.on('will-navigate', (event) => event.preventDefault())
session.defaultSession.setPermissionRequestHandler((_c, _p, callback) => callback(false))
`

describe('security scan wrapper', () => {
  it('fails on an insecure window and a dangerous switch in package.json, naming each check', () => {
    const insecure = `
const { BrowserWindow } = require('electron')
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, webSecurity: false } })
win.loadURL('http://example.com/')
`
    const root = fixture('insecure', insecure, { start: 'electron . --ignore-certificate-errors' })
    const { status, out } = scan(root, { entries: [] })
    expect(status).toBe(1)
    for (const check of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'CUSTOM_ARGUMENTS_JSON_CHECK']) {
      expect(out).toContain(`FINDING      ${check}`)
    }
    expect(out).toContain('security scan: FAILED')
  })

  it('passes a hardened window with no allowlist entries', () => {
    const root = fixture('hardened', HARDENED)
    const { status, out } = scan(root, { entries: [] })
    expect(out).toContain('security scan: ok (0 findings')
    expect(status).toBe(0)
  })

  it('fails on an allowlist entry that matches no finding (stale)', () => {
    const root = fixture('stale', HARDENED)
    const entry = { check: 'PRELOAD_JS_CHECK', file: 'src/window.js', match: 'preload:', reason: 'was reviewed once' }
    const { status, out } = scan(root, { entries: [entry] })
    expect(out).toContain('STALE        allowlist entry PRELOAD_JS_CHECK src/window.js')
    expect(status).toBe(1)
  })

  it('rejects an allowlist entry without a reason', () => {
    const root = fixture('no-reason', HARDENED)
    const { status, out } = scan(root, { entries: [{ check: 'X', file: 'y' }] })
    expect(out).toContain('entry 0 needs a non-empty "reason"')
    expect(status).toBe(1)
  })

  it('an entry covers only the flagged line it names: a second openExternal in the same file is reported', () => {
    const source = `${HARDENED}
const { shell } = require('electron')
function a(url) { shell.openExternal(url) }
function b(link) { shell.openExternal(link) }
`
    const root = fixture('two-calls', source)
    const entry = { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'src/window.js', match: 'shell.openExternal(url)', reason: 'checked' }
    const { status, out } = scan(root, { entries: [entry] })
    expect(out).toContain('allowlisted  OPEN_EXTERNAL_JS_CHECK src/window.js:9')
    expect(out).toContain('FINDING      OPEN_EXTERNAL_JS_CHECK src/window.js:10')
    expect(status).toBe(1)
  })
})
