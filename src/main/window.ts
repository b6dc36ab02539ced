import { app, BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { chooseRendererSource, isRendererUrl } from './renderer-source'

// app.isPackaged is known before the app is ready, so the page is decided once, when main loads.
const RENDERER = chooseRendererSource({
  builtPage: join(__dirname, '../renderer/index.html'),
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  devBuild: import.meta.env.DEV,
  packaged: app.isPackaged
})

/** Only our page (src/main/renderer-source.ts says which) may use the API or be navigated to. */
export function isTrustedRendererUrl(url: string): boolean {
  return isRendererUrl(RENDERER, url)
}

/** Hardened per DESIGN.md "Security (Electron)". */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'CloudSec API Explorer',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Packaged: DevTools would give whoever sits at the screen a console that can call the whole app API.
      devTools: !app.isPackaged,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())

  // New windows are never opened; http(s) links go to the OS browser, anything else is dropped.
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//i.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url)) event.preventDefault()
  })
  window.webContents.on('will-attach-webview', (event) => event.preventDefault())
  // devTools: false already makes openDevTools a no-op; this closes them should anything open them anyway.
  if (app.isPackaged) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools())

  if (RENDERER.kind === 'url') void window.loadURL(RENDERER.url)
  else void window.loadFile(RENDERER.path)
  return window
}

/** Deny every permission (camera, notifications, geolocation, ...): an API explorer needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}
