import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function fileHandlers(_core: AppCore, _platform: PlatformPort, grants: FileGrants): DomainHandlers<'file'> {
  return {
    'file:confirm-upload': async ({ paths }) => ({ confirmed: grants.confirm(paths) })
  }
}
