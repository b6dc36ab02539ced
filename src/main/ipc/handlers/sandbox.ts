import type { AppCore } from '../../core/app-core'
import type { DomainHandlers } from '../dispatch'

export function sandboxHandlers(core: AppCore): DomainHandlers<'sandbox'> {
  return {
    'sandbox:status': async () => ({
      running: core.sandbox !== null,
      urls: core.sandbox ? { ...core.sandbox.urls } : null,
      caPath: core.sandbox?.caPath ?? null
    })
  }
}
