import type { HttpEngine, EngineConfig } from './engine-contract'
import { AgentPool } from './agent-pool'
import { BodyStore } from './body-store'
import { BodyViews } from '../body-view/body-views'
import { SendsInFlight } from './in-flight'
import { PROGRESS_DELAY_MS } from './progress'
import { cancelled, sendRequest, type SendContext } from './send'
import { maskErrorSecrets } from '@shared/redaction/secret-values'

const DEFAULT_PREVIEW_BYTES = 256 * 1024

/**
 * The request engine on undici. Agents are cached per TLS configuration so keep-alive works; response bodies
 * are kept (memory when small, a temp file in config.tempDir otherwise) until released or the engine closes.
 */
export function createHttpEngine(config: EngineConfig): HttpEngine {
  const previewBytes = Math.max(1024, Math.floor(config.previewBytes ?? DEFAULT_PREVIEW_BYTES))
  const agents = new AgentPool()
  const store = new BodyStore(config.tempDir)
  const views = new BodyViews((id) => store.get(id), config.tempDir, (id) => store.secretsOf(id))
  const context: SendContext = {
    agents,
    store,
    previewBytes,
    inFlight: new SendsInFlight(config.progressDelayMs ?? PROGRESS_DELAY_MS)
  }

  return {
    send: (spec, options) => {
      const sending = sendRequest(context, spec, options)
      // The one place the engine's errors (which quote URLs, hosts, header names, Locations) lose the send's secret
      // values; a send without any (most sends) skips it, adding nothing to the per-request overhead.
      return options.secretValues !== undefined && options.secretValues.length > 0 ? sending.catch(masking(options.secretValues)) : sending
    },
    readBody: (responseId, offset, length) => store.read(responseId, offset, length),
    views,
    async keepText(text) {
      await store.allocate()
      const { id } = store.next()
      const data = Buffer.from(text, 'utf8')
      store.keep(id, { kind: 'memory', data, size: data.length })
      return id
    },
    release: async (responseId) => {
      // Skipping the views' async release when there are none saves promise hops on every send's release.
      if (views.holds(responseId)) await views.release(responseId)
      return store.release(responseId)
    },
    async close() {
      const inFlight = context.inFlight.close()
      for (const cancellation of inFlight) cancellation.cancel(cancelled(true))
      // Cancelled sends delete their partial bodies; wait for that before clearing what is kept.
      await Promise.all(inFlight.map((cancellation) => cancellation.whenSettled()))
      await agents.close()
      await views.clear()
      await store.clear()
    }
  }
}

function masking(values: readonly string[]): (error: unknown) => never {
  return (error) => {
    throw maskErrorSecrets(error, values)
  }
}
