import type { AppCore } from '../../core/app-core'
import { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { Handlers } from '../dispatch'
import { appHandlers } from './app'
import { authHandlers } from './auth'
import { catalogHandlers } from './catalog'
import { collectionHandlers } from './collection'
import { curlHandlers } from './curl'
import { dialogHandlers } from './dialog'
import { environmentHandlers } from './environment'
import { fileHandlers } from './file'
import { historyHandlers } from './history'
import { iteratorHandlers } from './iterator'
import { requestHandlers } from './request'
import { responseHandlers } from './response'
import { sandboxHandlers } from './sandbox'
import { settingsHandlers } from './settings'
import { snippetHandlers } from './snippet'
import { vaultHandlers } from './vault'
import { workspaceHandlers } from './workspace'

/**
 * The handler table, merged from one file per contract domain; each entry only adapts a command to core. No
 * electron import, so the e2e bridge reuses it. The file grants are shared: a file picked in dialog:pick-file may
 * be sent by request:send. A domain missing here, or a command missing in its file, is a compile error.
 */
export function createHandlers(core: AppCore, platform: PlatformPort): Handlers {
  const grants = new FileGrants()
  return {
    ...requestHandlers(core, platform, grants),
    ...responseHandlers(core, platform),
    ...settingsHandlers(core),
    ...environmentHandlers(core, platform, grants),
    ...vaultHandlers(core),
    ...authHandlers(core),
    ...sandboxHandlers(core),
    ...appHandlers(core),
    ...dialogHandlers(core, platform, grants),
    ...fileHandlers(core, platform, grants),
    ...historyHandlers(core, platform, grants),
    ...snippetHandlers(core, platform),
    ...collectionHandlers(core, platform, grants),
    ...catalogHandlers(core, platform),
    ...curlHandlers(core),
    ...iteratorHandlers(core, platform),
    ...workspaceHandlers(core)
  }
}
