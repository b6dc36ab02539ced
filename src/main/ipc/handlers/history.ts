import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function historyHandlers(core: AppCore, _platform: PlatformPort, grants: FileGrants): DomainHandlers<'history'> {
  return {
    'history:search': (query) => core.history.search(query),
    'history:get': async ({ id }) => {
      const entry = await core.history.get(id)
      grants.grantFrom(entry.request) // main read it from its own history: its files may be sent again
      return entry
    },
    'history:clear': async () => {
      await core.history.clear()
      return { cleared: true }
    }
  }
}
