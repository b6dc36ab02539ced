import type { ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import type { PlatformPort } from '../ports/platform-port'
import type { ImportedCatalogStore } from './imported-store'

export interface CatalogImports {
  /** Open dialog, then the file parsed and saved as a catalog; null when cancelled. `importId` makes it cancellable. */
  import(importId: string | undefined): Promise<ImportedCatalog | null>
  cancel(importId: string): boolean
}

/** OpenAPI catalog imports: the file is chosen in main's dialog and parsed in main, never in the renderer. */
export function createCatalogImports(store: ImportedCatalogStore, platform: PlatformPort): CatalogImports {
  const running = new Map<string, AbortController>()
  return {
    async import(importId) {
      if (!platform.pickImportFile) throw new AppError('INTERNAL', 'This host has no file dialogs.')
      const controller = new AbortController()
      if (importId !== undefined) running.set(importId, controller)
      try {
        const file = await platform.pickImportFile('openapi')
        return file === null ? null : await store.importFile(file, controller.signal)
      } finally {
        if (importId !== undefined) running.delete(importId)
      }
    },
    cancel(importId) {
      const controller = running.get(importId)
      controller?.abort()
      return controller !== undefined
    }
  }
}
