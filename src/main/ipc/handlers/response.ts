import type { AppCore } from '../../core/app-core'
import type { PlatformPort } from '../../core/ports/platform-port'
import { saveResponseBody } from '../../core/responses/body-save'
import type { DomainHandlers } from '../dispatch'

export function responseHandlers(core: AppCore, platform: PlatformPort): DomainHandlers<'response'> {
  const { engine } = core
  return {
    'response:read-body': ({ responseId, offset, length }) => engine.readBody(responseId, offset, length),
    'response:release': async ({ responseId }) => ({ released: await engine.release(responseId) }),
    'response:view-rows': ({ responseId, mode, fromRow, count }) => engine.views.rows(responseId, mode, fromRow, count),
    'response:search': ({ searchId, responseId, mode, ...options }) => engine.views.search(searchId, responseId, mode, options),
    'response:search-cancel': async ({ searchId }) => ({ cancelled: engine.views.cancelSearch(searchId) }),
    'response:save-body': ({ responseId }) => saveResponseBody(engine, platform, responseId)
  }
}
