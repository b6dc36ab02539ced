import type { AppCore } from '../../core/app-core'
import { pickExportPath, startWithExport } from '../../core/iterator/iterator-exports'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'

export function iteratorHandlers(core: AppCore, platform: PlatformPort): DomainHandlers<'iterator'> {
  const { iterator } = core
  return {
    'iterator:availability': async ({ environmentId }) => iterator.availability(environmentId),
    'iterator:pick-export': async ({ format, defaultName }) => ({ path: await pickExportPath(iterator, platform, format, defaultName) }),
    'iterator:start': async (input, emit) =>
      startWithExport(iterator, input, { onProgress: (p) => emit('iterator:progress', p), onPage: (p) => emit('iterator:page', p) }),
    'iterator:cancel': async ({ runId }) => ({ cancelled: iterator.cancel(runId) }),
    'iterator:state': async () => iterator.states(),
    'iterator:check-scopes': ({ environmentId, paths }) => iterator.checkScopes(environmentId, paths)
  }
}
