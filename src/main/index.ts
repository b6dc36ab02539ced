import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createAppCore, type AppCore } from './core/app-core'
import { createHandlers } from './ipc/handlers'
import { registerIpc } from './ipc/register'
import { createMainWindow, denyAllPermissions } from './window'
import { createElectronPlatform } from './platform/dialogs'
import { createSafeStorageCipher } from './platform/safe-storage-cipher'
import { tuneMainProcessHeap } from './core/heap-tuning'

// Composition root: build core services, register IPC, open the window. Everything else lives in core/.
let mainWindow: BrowserWindow | null = null
let core: AppCore | null = null

tuneMainProcessHeap()
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, (error: unknown) => {
    console.error('Startup failed:', error instanceof Error ? error.message : error)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  denyAllPermissions()
  core = await createAppCore({
    dataDir: app.getPath('userData'),
    tempDir: join(app.getPath('temp'), `cloudsec-api-explorer-${process.pid}`),
    sandbox: {},
    cipher: (settings) => createSafeStorageCipher(settings.weakSecretStorageAccepted),
    // Built next to this file from src/main/core/history/history-worker.ts (electron.vite.config.ts).
    historyWorker: { file: new URL('./history-worker.js', import.meta.url) },
    // Built next to this file from src/main/core/sandbox/worker/sandbox-worker.ts (electron.vite.config.ts).
    sandboxWorker: { file: new URL('./sandbox-worker.js', import.meta.url) }
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
  void core.close().finally(() => app.quit())
})
