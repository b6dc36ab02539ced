import type { AppCore } from '../../core/app-core'
import type { DomainHandlers } from '../dispatch'

export function workspaceHandlers(core: AppCore): DomainHandlers<'workspace'> {
  return {
    'workspace:get': async () => core.workspace.get(),
    'workspace:save': async (workspace) => ({ bytes: core.workspace.save(workspace) })
  }
}
