/**
 * Runs in the page (via page.addInitScript) before the renderer's scripts: defines `window.api` with the same
 * ExplorerApi shape as the preload, forwarding calls to the bridge over fetch and events over SSE. Playwright
 * serialises this function, so it must not reference anything outside its own body.
 */
export interface ShimOptions {
  origin: string
  token: string
}

/** The few browser globals used, typed locally because test/ is compiled without the DOM library. */
interface PageGlobals {
  location: { origin: string }
  EventSource: new (url: string) => { onmessage: ((message: { data: string }) => void) | null }
}

export function installApiShim({ origin, token }: ShimOptions): void {
  const page = globalThis as unknown as PageGlobals
  if (page.location.origin !== origin) return
  type Listener = (payload: unknown) => void
  const listeners = new Map<string, Set<Listener>>()
  let connected = false

  const connect = (): void => {
    if (connected) return
    connected = true
    const source = new page.EventSource(`/__bridge/events?token=${encodeURIComponent(token)}`)
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown }
      for (const listener of listeners.get(event) ?? []) listener(payload)
    }
  }

  const api = {
    async call(command: string, input: unknown): Promise<unknown> {
      const response = await fetch('/__bridge/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bridge-token': token },
        body: JSON.stringify({ command, input })
      })
      if (!response.ok) {
        return { ok: false, error: { code: 'INTERNAL', message: `Test bridge answered HTTP ${response.status}.` } }
      }
      return response.json()
    },
    on(event: string, listener: Listener): () => void {
      connect()
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(event, set)
      return () => set.delete(listener)
    }
  }
  Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), configurable: false, writable: false })
}
