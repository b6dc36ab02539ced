import type { HttpEngine } from '../http/engine-contract'
import type { PlatformPort } from '../ports/platform-port'

/**
 * Saves a kept response body to a file chosen in main's save dialog (never through the renderer); path null =
 * cancelled. NOT_FOUND comes before a dialog opens for a body that is gone.
 */
export async function saveResponseBody(engine: HttpEngine, platform: PlatformPort, responseId: string): Promise<{ path: string | null; bytes: number }> {
  engine.views.size(responseId)
  const path = (await platform.pickSavePath?.('response-body', 'response-body.json')) ?? null
  return { path, bytes: path === null ? 0 : await engine.views.save(responseId, path) }
}
