import type { AppCore } from '../../core/app-core'
import type { DomainHandlers } from '../dispatch'

export function settingsHandlers(core: AppCore): DomainHandlers<'settings'> {
  return {
    'settings:get': async () => core.settings.get(),
    'settings:update': (patch) => core.settings.update(patch)
  }
}
