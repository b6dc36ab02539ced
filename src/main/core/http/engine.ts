import type { HttpEngine, EngineConfig } from './types'
import { AgentPool } from './agent-pool'
import { BodyStore } from './body-store'
import { sendRequest } from './send'

const DEFAULT_PREVIEW_BYTES = 256 * 1024

/**
 * The request engine on undici. Agents are cached per TLS configuration so keep-alive works; response bodies
 * are kept (memory when small, a temp file in config.tempDir otherwise) until released or the engine closes.
 */
export function createHttpEngine(config: EngineConfig): HttpEngine {
  const previewBytes = Math.max(1024, Math.floor(config.previewBytes ?? DEFAULT_PREVIEW_BYTES))
  const agents = new AgentPool()
  const store = new BodyStore(config.tempDir)
  const closing = new AbortController()
  const inFlight = new Set<Promise<unknown>>()

  return {
    send(spec, options) {
      const run = sendRequest({ agents, store, previewBytes, closing: closing.signal }, spec, options)
      const tracked = run.catch(() => undefined)
      inFlight.add(tracked)
      void tracked.finally(() => inFlight.delete(tracked))
      return run
    },
    readBody: (responseId, offset, length) => store.read(responseId, offset, length),
    release: (responseId) => store.release(responseId),
    async close() {
      closing.abort()
      // Cancelled sends delete their partial bodies; wait for that before clearing what is kept.
      await Promise.allSettled([...inFlight])
      await agents.close()
      await store.clear()
    }
  }
}
