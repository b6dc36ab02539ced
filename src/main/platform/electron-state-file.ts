import ElectronStore from 'electron-store'
import { ipcMain } from 'electron'
import type { OpenStateFile } from '../core/storage/state-file'

/**
 * State files on electron-store (core's seam: src/main/core/storage/state-file.ts). electron-store registers an
 * ipcMain listener for renderers that use it directly; ours never do (the renderer reaches main only through the
 * contract, src/main/ipc/register.ts), so the listener is removed again and the IPC surface stays the contract.
 */
export const openElectronStateFile: OpenStateFile = (options) => {
  const store = new ElectronStore<Record<string, unknown>>({ ...options, name: options.configName })
  ipcMain.removeAllListeners('electron-store-get-data')
  return store
}
