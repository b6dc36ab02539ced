import { clipboard, dialog, type BrowserWindow } from 'electron'
import type { PlatformPort } from '../core/ports/platform-port'

/** Native file dialogs: the sandboxed renderer never sees the file system, main hands back the chosen path. */
export function createElectronPlatform(getWindow: () => BrowserWindow | null): PlatformPort {
  return {
    writeClipboard: (text) => clipboard.writeText(text),
    async pickFile(purpose) {
      const window = getWindow()
      const options: Electron.OpenDialogOptions =
        purpose === 'ca-bundle'
          ? {
              title: 'Choose a CA certificate bundle (PEM)',
              properties: ['openFile'],
              filters: [{ name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] }, { name: 'All files', extensions: ['*'] }]
            }
          : { title: 'Choose a file to upload', properties: ['openFile'] }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickSavePath(purpose, defaultName) {
      const window = getWindow()
      const options: Electron.SaveDialogOptions = {
        title: purpose === 'snippet' ? 'Save snippet' : purpose === 'response-body' ? 'Save response body' : 'Export',
        defaultPath: defaultName,
        properties: ['createDirectory', 'showOverwriteConfirmation']
      }
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
    async pickFolder(purpose) {
      const window = getWindow()
      const options: Electron.OpenDialogOptions = {
        title: purpose === 'open-collection' ? 'Open a collection folder' : 'Choose an empty folder for the new collection',
        properties: ['openDirectory', 'createDirectory']
      }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async pickImportFile(kind) {
      const window = getWindow()
      const options: Electron.OpenDialogOptions =
        kind === 'openapi'
          ? {
              title: 'Import an OpenAPI 3.x or Swagger 2.0 file',
              properties: ['openFile'],
              filters: [{ name: 'OpenAPI / Swagger', extensions: ['json', 'yaml', 'yml'] }, { name: 'All files', extensions: ['*'] }]
            }
          : {
              title: 'Import a Postman collection (v2.1)',
              properties: ['openFile'],
              filters: [{ name: 'Postman collection', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }]
            }
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options)
      return result.canceled ? null : (result.filePaths[0] ?? null)
    }
  }
}
