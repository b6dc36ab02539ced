import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function dialogHandlers(_core: AppCore, platform: PlatformPort, grants: FileGrants): DomainHandlers<'dialog'> {
  return {
    'dialog:pick-file': async ({ purpose }) => {
      const path = await platform.pickFile(purpose)
      if (path !== null) grants.grant(path) // a file the user chose in main's dialog may be read and uploaded
      return { path }
    }
  }
}
