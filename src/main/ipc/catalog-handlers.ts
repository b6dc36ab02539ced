import type { AppCore } from '../core/app-core'
import { AppError } from '@shared/model/errors'
import type { Handlers } from './dispatch'
import type { PlatformPort } from './handlers'

type CatalogCommand = Extract<keyof Handlers, `catalog:${string}`>

/** Issue 4: imported OpenAPI catalogs. The file is chosen in main's dialog and parsed in main, never in the renderer. */
export function catalogHandlers(core: AppCore, platform: PlatformPort): Pick<Handlers, CatalogCommand> {
  const running = new Map<string, AbortController>()
  return {
    'catalog:import': async ({ importId }) => {
      if (!platform.pickImportFile) throw new AppError('INTERNAL', 'This host has no file dialogs.')
      const controller = new AbortController()
      if (importId !== undefined) running.set(importId, controller)
      try {
        const file = await platform.pickImportFile('openapi')
        return { catalog: file === null ? null : await core.importedCatalogs.importFile(file, controller.signal) }
      } finally {
        if (importId !== undefined) running.delete(importId)
      }
    },
    'catalog:cancel-import': async ({ importId }) => {
      const controller = running.get(importId)
      controller?.abort()
      return { cancelled: controller !== undefined }
    },
    'catalog:list-imported': () => core.importedCatalogs.list(),
    'catalog:remove-imported': async ({ id }) => ({ removed: await core.importedCatalogs.remove(id) })
  }
}
