import { existsSync, readFileSync } from 'node:fs'
import { lstat, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runInThisContext } from 'node:vm'
import Module from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commandNames } from '@shared/ipc/contract'
import { buildMainAndPreload, startBuiltMain, type BuiltMain, type RecordedCall } from '../support/built-main'

// The Electron glue (src/main/index.ts, window.ts, platform/) runs nowhere else before a user's machine: no
// Electron binary can be installed here (DESIGN.md, environment facts). So the real main bundle, built with the
// app's own config, runs in plain Node with `electron` swapped for a stand-in that only records calls
// (test/support/electron-stand-in/electron.mjs); every assertion is on what the built main did with it.

const ROOT = resolve(import.meta.dirname, '../..')
let out = ''
/** Holds the user data folder (shared by the launches below, like a user starting the app again) and temp parents. */
let scratch = ''

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'composition-root-'))
  await mkdir(join(ROOT, 'out'), { recursive: true })
  // Inside the repository so the bundle's bare imports (undici, zod, ...) resolve from node_modules as in the app.
  out = await mkdtemp(join(ROOT, 'out', '.composition-'))
  await buildMainAndPreload(out)
}, 60_000)

afterAll(async () => {
  if (out) await rm(out, { recursive: true, force: true })
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

interface Launch {
  main: BuiltMain
  tempParent: string
  window: RecordedCall
}

async function launch(packaged: boolean, env: Record<string, string> = {}): Promise<Launch> {
  const tempParent = await mkdtemp(join(scratch, 'temp-'))
  const main = startBuiltMain(join(out, 'main/index.js'), { packaged, env, paths: { userData: join(scratch, 'user-data'), temp: tempParent } })
  const window = await main.waitFor((call) => call.api === 'new BrowserWindow', 'the main window')
  // The window is created last in start(); the page load follows it synchronously.
  await main.waitFor((call) => /^BrowserWindow#1\.load(File|URL)$/.test(call.api), 'the page load')
  return { main, tempParent, window }
}

const named = (main: BuiltMain, api: string): RecordedCall[] => main.calls.filter((call) => call.api === api)
const listener = (main: BuiltMain, api: string, event: string): unknown =>
  main.calls.find((call) => call.api === api && call.args[0] === event)?.args[1]

interface MenuItem {
  role?: string
  label?: string
  accelerator?: string
  submenu?: MenuItem[]
}
const menuItems = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => [item, ...menuItems(item.submenu ?? [])])

describe('the built main process, unpackaged production build', () => {
  let run: Launch

  beforeAll(async () => {
    run = await launch(false, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })
  }, 60_000)
  afterAll(() => run?.main.stop())

  it('opens one window with the hardened webPreferences and a CommonJS preload from the build', () => {
    expect(named(run.main, 'new BrowserWindow')).toHaveLength(1)
    expect(named(run.main, 'app.exit')).toEqual([])
    const preferences = (run.window.args[0] as { webPreferences: Record<string, unknown> }).webPreferences
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false
    })
    const preload = preferences['preload'] as string
    expect(preload.startsWith(out + '/')).toBe(true)
    expect(existsSync(preload)).toBe(true)
    const source = readFileSync(preload, 'utf8')
    expect(source).not.toMatch(/^\s*(import|export)\s/m)
    // Run it as Node runs a CommonJS file; `electron` is the only module it may require.
    const exposed: string[] = []
    const required: string[] = []
    const electron = { contextBridge: { exposeInMainWorld: (name: string) => exposed.push(name) }, ipcRenderer: {} }
    const wrapper = runInThisContext(Module.wrap(source), { filename: preload }) as (...args: unknown[]) => void
    const requireFromPreload = (id: string): unknown => (required.push(id), id === 'electron' ? electron : undefined)
    wrapper({}, requireFromPreload, { exports: {} }, preload, dirname(preload))
    expect({ exposed, required }).toEqual({ exposed: ['api'], required: ['electron'] })
  })

  it('loads the built page and ignores ELECTRON_RENDERER_URL (a production build)', () => {
    expect(named(run.main, 'BrowserWindow#1.loadURL')).toEqual([])
    expect(named(run.main, 'BrowserWindow#1.loadFile').map((call) => call.args[0])).toEqual([join(out, 'renderer/index.html')])
  })

  it('registers every contract command exactly once, behind the sender check', async () => {
    const handles = named(run.main, 'ipcMain.handle')
    expect(handles.map((call) => call.args[0]).sort()).toEqual([...commandNames].sort())
    const cancel = handles.find((call) => call.args[0] === 'request:cancel')?.args[1]
    const page = pathToFileURL(join(out, 'renderer/index.html')).href
    const from = (senderId: number, url: string, parent: unknown = null): unknown => ({ sender: { id: senderId }, senderFrame: { url, parent } })
    const forbidden = { ok: false, error: { code: 'FORBIDDEN_SENDER' } }
    expect(await run.main.invoke(cancel, from(1, 'http://127.0.0.1:5173/'), { runId: 'r' })).toMatchObject(forbidden)
    expect(await run.main.invoke(cancel, from(2, page), { runId: 'r' })).toMatchObject(forbidden)
    expect(await run.main.invoke(cancel, from(1, page, {}), { runId: 'r' })).toMatchObject(forbidden)
    expect(await run.main.invoke(cancel, from(1, page), { runId: 'r' })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('keeps settings and the workspace in electron-store, whose own IPC listener is removed again', () => {
    const channel = 'electron-store-get-data'
    const added = named(run.main, 'ipcMain.on').filter((call) => call.args[0] === channel).length
    const removed = named(run.main, 'ipcMain.removeAllListeners').filter((call) => call.args[0] === channel).length
    expect(added).toBe(1)
    expect(removed).toBeGreaterThanOrEqual(added)
    expect(named(run.main, 'ipcMain.on').map((call) => call.args[0])).toEqual([channel])
  })

  it('denies every permission request and check', async () => {
    const request = named(run.main, 'session.defaultSession.setPermissionRequestHandler')
    const check = named(run.main, 'session.defaultSession.setPermissionCheckHandler')
    expect([request.length, check.length]).toEqual([1, 1])
    await run.main.invoke(request[0]?.args[0], {}, 'media', { $callback: 'permission' })
    expect(run.main.callbacks).toContainEqual({ type: 'callback', name: 'permission', args: [false] })
    expect(await run.main.invoke(check[0]?.args[0], {}, 'notifications', 'file://', {})).toBe(false)
  })

  it('opens no window, sends only http(s) links to the OS browser, and blocks navigation away', async () => {
    const open = named(run.main, 'BrowserWindow#1.webContents.setWindowOpenHandler')[0]?.args[0]
    expect(await run.main.invoke(open, { url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(await run.main.invoke(open, { url: 'https://docs.example/' })).toEqual({ action: 'deny' })
    expect(named(run.main, 'shell.openExternal').map((call) => call.args[0])).toEqual(['https://docs.example/'])
    const navigate = listener(run.main, 'BrowserWindow#1.webContents.on', 'will-navigate')
    await run.main.invoke(navigate, { preventDefault: { $callback: 'blocked: remote page' } }, 'https://evil.example/')
    await run.main.invoke(navigate, { preventDefault: { $callback: 'blocked: dev server URL' } }, 'http://127.0.0.1:5173/')
    expect(run.main.callbacks.map((call) => call.name)).toEqual(expect.arrayContaining(['blocked: remote page', 'blocked: dev server URL']))
  })

  it('sets an application menu of its own; unpackaged, it keeps the DevTools item', () => {
    const built = named(run.main, 'Menu.buildFromTemplate')
    expect(built).toHaveLength(1)
    expect(named(run.main, 'Menu.setApplicationMenu').map((call) => call.args[0])).toEqual([{ $standIn: 'menu' }])
    expect(menuItems(built[0]?.args[0] as MenuItem[]).map((item) => item.role)).toContain('toggleDevTools')
  })

  it('leaves Ctrl+W to the page (it closes a request tab): closing the window is Ctrl+Shift+W', () => {
    const items = menuItems(named(run.main, 'Menu.buildFromTemplate')[0]?.args[0] as MenuItem[])
    const closing = items.filter((item) => item.role === 'close')
    expect(closing.length).toBeGreaterThan(0)
    for (const item of closing) expect(item.accelerator).toBe('CmdOrCtrl+Shift+W')
  })

  it('streams response bodies into a fresh folder that only this user can open', async () => {
    const made = await readdir(run.tempParent)
    expect(made).toHaveLength(1)
    const info = await lstat(join(run.tempParent, made[0] ?? ''))
    expect({ directory: info.isDirectory(), mode: info.mode & 0o777, uid: info.uid }).toEqual({ directory: true, mode: 0o700, uid: process.getuid?.() })
  })

  it('on quit, closes core (and with it the temp folder) before quitting for real', async () => {
    expect(await readdir(run.tempParent)).toHaveLength(1)
    const quitsBefore = named(run.main, 'app.quit').length
    await run.main.invoke(listener(run.main, 'app.on', 'will-quit'), { preventDefault: { $callback: 'quit deferred' } })
    expect(run.main.callbacks.map((call) => call.name)).toContain('quit deferred')
    await run.main.waitFor((call) => call.api === 'app.quit' && named(run.main, 'app.quit').length > quitsBefore, 'app.quit after core closed')
    expect(await readdir(run.tempParent)).toEqual([])
  })
})

describe('the built main process, packaged', () => {
  let run: Launch

  beforeAll(async () => {
    run = await launch(true, { ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' })
  }, 60_000)
  afterAll(() => run?.main.stop())

  it('loads the built page whatever ELECTRON_RENDERER_URL says', () => {
    expect(named(run.main, 'BrowserWindow#1.loadURL')).toEqual([])
    expect(named(run.main, 'BrowserWindow#1.loadFile').map((call) => call.args[0])).toEqual([join(out, 'renderer/index.html')])
  })

  it('turns DevTools off: not in webPreferences, not in the menu, closed if they open anyway', async () => {
    expect((run.window.args[0] as { webPreferences: Record<string, unknown> }).webPreferences['devTools']).toBe(false)
    const template = named(run.main, 'Menu.buildFromTemplate')[0]?.args[0] as MenuItem[]
    expect(named(run.main, 'Menu.setApplicationMenu')).toHaveLength(1)
    // viewMenu is the role whose built-in submenu holds Toggle Developer Tools.
    const devTools = menuItems(template).filter(
      (item) => /devtools|^viewmenu$/i.test(item.role ?? '') || /devtools|developer/i.test(item.label ?? '') || /\+I$/i.test(item.accelerator ?? '')
    )
    expect(template.length).toBeGreaterThan(0)
    expect(devTools).toEqual([])
    await run.main.invoke(listener(run.main, 'BrowserWindow#1.webContents.on', 'devtools-opened'))
    expect(named(run.main, 'BrowserWindow#1.webContents.closeDevTools')).toHaveLength(1)
  })
})

describe('the built main process, when startup fails', () => {
  it('reports it, removes its temp folder and exits with 1 instead of leaving an unhandled rejection', async () => {
    const notAFolder = join(scratch, 'file')
    await writeFile(notAFolder, '')
    const tempParent = await mkdtemp(join(scratch, 'temp-'))
    const main = startBuiltMain(join(out, 'main/index.js'), { packaged: true, paths: { userData: join(notAFolder, 'data'), temp: tempParent } })
    try {
      const exit = await main.waitFor((call) => call.api === 'app.exit', 'app.exit')
      expect(exit.args).toEqual([1])
      expect(main.stderr()).toMatch(/Startup failed:.*ENOTDIR/)
      expect(named(main, 'new BrowserWindow')).toEqual([])
      expect(await readdir(tempParent)).toEqual([])
    } finally {
      await main.stop()
    }
  })
})
