import { AppError } from '@shared/model/errors'

/**
 * The few things only the host can do (dialogs, the clipboard), implemented by main's Electron adapters
 * (src/main/platform/dialogs.ts) and by the e2e bridge (test/e2e/bridge/bridge-server.ts). Core services take it as
 * a parameter, so they never import electron.
 */
export interface PlatformPort {
  pickFile(purpose: 'multipart' | 'ca-bundle'): Promise<string | null>
  /** Save dialog; the chosen path, or null when cancelled. (Optional: hosts without one, e.g. benches, leave it out.) */
  pickSavePath?(purpose: 'snippet' | 'export' | 'response-body', defaultName: string): Promise<string | null>
  /** Folder dialog for a collection (an existing one, or where to create a new one). */
  pickFolder?(purpose: 'open-collection' | 'new-collection' | 'import-target'): Promise<string | null>
  /** Open dialog for a file to import (a Postman collection, or an OpenAPI / Swagger file as a catalog). */
  pickImportFile?(kind: 'postman' | 'openapi'): Promise<string | null>
  /** The OS clipboard, for copies main makes itself (a snippet with secrets never passes through the renderer). */
  writeClipboard?(text: string): void
}

export type HostDialogs = Required<Pick<PlatformPort, 'pickSavePath' | 'pickFolder' | 'pickImportFile'>>

/**
 * The host's save/folder/open dialogs; a host without them gets a clear error rather than a crash. Looked up at each
 * call, not when built: a host (or a test) may set them after the handlers were created.
 */
export function hostDialogs(platform: PlatformPort): HostDialogs {
  const missing = (): never => {
    throw new AppError('INTERNAL', 'This host has no file dialogs.')
  }
  return {
    pickSavePath: (purpose, defaultName) => (platform.pickSavePath ? platform.pickSavePath(purpose, defaultName) : missing()),
    pickFolder: (purpose) => (platform.pickFolder ? platform.pickFolder(purpose) : missing()),
    pickImportFile: (kind) => (platform.pickImportFile ? platform.pickImportFile(kind) : missing())
  }
}
