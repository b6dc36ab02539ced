import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import { hostDialogs, type PlatformPort } from '../../core/ports/platform-port'
import { exportHistoryHar, withEnvironmentNames } from '../../core/history/history-export'
import { openStoredResponse } from '../../core/history/stored-response'
import type { DomainHandlers } from '../dispatch'

const CREATOR = { name: 'CloudSec API Explorer', version: '0' }

export function historyHandlers(core: AppCore, platform: PlatformPort, grants: FileGrants): DomainHandlers<'history'> {
  const dialogs = hostDialogs(platform)
  return {
    'history:search': async (query) => withEnvironmentNames(await core.history.search(query), core.environments),
    'history:get': async ({ id }) => {
      const entry = await core.history.get(id)
      grants.grantFrom(entry.request) // main read it from its own history: its files may be sent again
      return entry
    },
    'history:open': async ({ id }) => {
      const opened = await openStoredResponse(core.history, core.engine, id)
      grants.grantFrom(opened.entry.request) // as history:get
      return opened
    },
    'history:export-har': ({ ids }) => exportHistoryHar(core.history, dialogs, ids, CREATOR),
    'history:clear': async () => {
      await core.history.clear()
      return { cleared: true }
    }
  }
}
