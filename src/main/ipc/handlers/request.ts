import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function requestHandlers(core: AppCore, _platform: PlatformPort, grants: FileGrants): DomainHandlers<'request'> {
  return {
    'request:send': ({ runId, spec, environmentId }, emit) => {
      grants.checkRequest(spec) // only files chosen through main are read and uploaded
      return core.requests.send(runId, spec, environmentId, (progress) => emit('request:progress', { runId, ...progress }))
    },
    'request:cancel': async ({ runId }) => ({ cancelled: core.requests.cancel(runId) })
  }
}
