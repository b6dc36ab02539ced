import type { AppCore } from '../../core/app-core'
import { createCatalogImports } from '../../core/catalog-import/catalog-imports'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function catalogHandlers(core: AppCore, platform: PlatformPort): DomainHandlers<'catalog'> {
  const imports = createCatalogImports(core.importedCatalogs, platform)
  return {
    'catalog:import': async ({ importId }) => ({ catalog: await imports.import(importId) }),
    'catalog:cancel-import': async ({ importId }) => ({ cancelled: imports.cancel(importId) }),
    'catalog:list-imported': () => core.importedCatalogs.list(),
    'catalog:remove-imported': async ({ id }) => ({ removed: await core.importedCatalogs.remove(id) })
  }
}
