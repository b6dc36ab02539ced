/**
 * What core needs from the built-in sandbox, the local mock of the vendor APIs. The sandbox is its own program
 * (src/sandbox/, `npm run sandbox`) and core never imports it: the composition roots (src/main/index.ts runs it in a
 * worker thread; the e2e bridge, tests and scripts) start it and hand core a StartSandbox. Its RunningSandbox
 * (src/sandbox/types.ts) fits SandboxPort as it is.
 */

export interface SandboxUrls {
  netskope: string
  cloudExchange: string
  insightcloudsec: string
}

/** The sandbox's well-known credentials that seed the demo environments' vault entries on first run. */
export interface SandboxSeedCredentials {
  netskope: { v1Token: string; v2Tokens: readonly { token: string; expired: boolean }[] }
  cloudExchange: { clients: readonly { clientId: string; clientSecret: string }[] }
  insightcloudsec: { users: readonly { username: string; apiKey: string; password: string }[] }
}

export interface SandboxPort {
  /** Base URL of each listener; fresh ports every start. */
  urls: SandboxUrls
  /** PEM file of the sandbox CA, trusted per environment; null when it serves plain HTTP. */
  caPath: string | null
  credentials: SandboxSeedCredentials
  /** Things the user should know, e.g. an unreadable CA that was moved aside and replaced. */
  warnings: string[]
  close(): Promise<void>
}

/**
 * Starts the sandbox with its CA kept in `dataDir`; rejects if it cannot start. `onStopped` hears of a sandbox that
 * dies after it started (e.g. its worker thread crashed).
 */
export type StartSandbox = (dataDir: string, onStopped: (message: string) => void) => Promise<SandboxPort>
