import type { AppCore } from '../../core/app-core'
import type { DomainHandlers } from '../dispatch'

export function appHandlers(core: AppCore): DomainHandlers<'app'> {
  return {
    'app:notices': async () => [...core.notices],
    'app:dismiss-notices': async () => ({ dismissed: core.notices.splice(0).length })
  }
}
