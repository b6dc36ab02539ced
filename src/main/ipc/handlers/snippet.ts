import type { AppCore } from '../../core/app-core'
import type { PlatformPort } from '../../core/ports/platform-port'
import { createSnippetActions } from '../../core/snippets/snippet-service'
import type { DomainHandlers } from '../dispatch'

export function snippetHandlers(core: AppCore, platform: PlatformPort): DomainHandlers<'snippet'> {
  const snippets = createSnippetActions(
    { environmentOf: (id) => core.environments.get(id), settings: () => core.settings.get(), vault: core.vault },
    platform
  )
  return {
    'snippet:generate': (request) => snippets.generate(request),
    'snippet:save': (request) => snippets.save(request),
    'snippet:copy': (request) => snippets.copy(request)
  }
}
