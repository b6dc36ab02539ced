import { app, BrowserWindow } from 'electron'
import { createAppCore, type AppCore } from './core/app-core'
import { createPrivateTempDir, type PrivateTempDir } from './core/private-temp-dir'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { createMainWindow, denyAllPermissions } from './window'
import { createElectronPlatform } from './platform/dialogs'
import { createSafeStorageCipher } from './platform/safe-storage-cipher'
import { installAppMenu } from './platform/app-menu'
import { openElectronStateFile } from './platform/electron-state-file'
import { tuneMainProcessHeap } from './core/heap-tuning'
import { startSandboxWorker } from '../sandbox/worker/sandbox-client'

// Composition root: build core services, register IPC, open the window. Everything else lives in core/.
let mainWindow: BrowserWindow | null = null
let core: AppCore | null = null
let bodiesDir: PrivateTempDir | null = null

tuneMainProcessHeap()
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  // .catch after .then: a failure inside start() is reported too, not only a failed whenReady.
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      console.error('Startup failed:', error instanceof Error ? error.message : error)
      await bodiesDir?.remove().catch(() => undefined)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  denyAllPermissions()
  installAppMenu(app.isPackaged)
  bodiesDir = await createPrivateTempDir(app.getPath('temp'), 'cloudsec-api-explorer-')
  core = await createAppCore({
    dataDir: app.getPath('userData'),
    tempDir: bodiesDir.path,
    cipher: (settings) => createSafeStorageCipher(settings.weakSecretStorageAccepted),
    openStateFile: openElectronStateFile,
    // Built next to this file from src/main/core/history/history-worker.ts (electron.vite.config.ts).
    historyWorker: { file: new URL('./history-worker.js', import.meta.url) },
    // The sandbox (its own program, src/sandbox/) in a worker thread, so its requests never hold up main's event loop.
    // Built next to this file from src/sandbox/worker/sandbox-worker.ts (electron.vite.config.ts).
    startSandbox: (dataDir, onStopped) =>
      startSandboxWorker({ dataDir }, { file: new URL('./sandbox-worker.js', import.meta.url) }, onStopped),
    // Built next to this file from src/main/core/catalog-import/import-worker.ts (electron.vite.config.ts).
    catalogImportWorker: { file: new URL('./catalog-import-worker.js', import.meta.url) }
  })
  for (const notice of core.notices) console.warn(notice)
  registerIpc(createHandlers(core, createElectronPlatform(() => mainWindow)), () => mainWindow?.webContents ?? null)
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = null))
}

app.on('window-all-closed', () => app.quit())

let closing = false
app.on('will-quit', (event) => {
  if (closing || !core) return
  // Give core a moment to close sockets and delete temp bodies, then quit for real.
  event.preventDefault()
  closing = true
  void core
    .close()
    .then(() => bodiesDir?.remove())
    .catch((error: unknown) => console.error('Could not remove the response-body folder:', error instanceof Error ? error.message : error))
    .finally(() => app.quit())
})
