import type { ImportedCatalog } from '@shared/catalog/imported'
import { AppError } from '@shared/model/errors'
import type { PlatformPort } from '../ports/platform-port'
import type { ImportedCatalogStore } from './imported-store'
import { RunRegistry } from '../runs/run-registry'
import { RunSignal } from '../runs/run-signal'

export interface CatalogImports {
  /** Open dialog, then the file parsed and saved as a catalog; null when cancelled. `importId` makes it cancellable. */
  import(importId: string | undefined): Promise<ImportedCatalog | null>
  cancel(importId: string): boolean
}

/** OpenAPI catalog imports: the file is chosen in main's dialog and parsed in main, never in the renderer. */
export function createCatalogImports(store: ImportedCatalogStore, platform: PlatformPort): CatalogImports {
  const runs = new RunRegistry((id) => `An import with id "${id}" is already running.`)
  return {
    async import(importId) {
      if (!platform.pickImportFile) throw new AppError('INTERNAL', 'This host has no file dialogs.')
      // Without an id nobody can cancel it: a signal of its own that is never aborted.
      const signal = importId === undefined ? new RunSignal() : runs.start(importId)
      try {
        const file = await platform.pickImportFile('openapi')
        return file === null ? null : await store.importFile(file, signal)
      } finally {
        if (importId !== undefined) runs.finish(importId, signal)
      }
    },
    cancel: (importId) => runs.cancel(importId)
  }
}
