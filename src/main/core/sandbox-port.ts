/**
 * What core needs from the built-in sandbox, the local mock of the vendor APIs. The sandbox is its own program
 * (src/sandbox/, `npm run sandbox`) and core never imports it: the composition roots (src/main/index.ts runs it in a
 * worker thread; the e2e bridge, tests and scripts) start it and hand core a StartSandbox. Its RunningSandbox
 * (src/sandbox/types.ts) fits SandboxPort as it is.
 */
import type { Environment } from '@shared/model/environment'

/** Base URL of each listener by its name (src/sandbox/listeners.ts); core only lists them. */
export type SandboxUrls = Readonly<Record<string, string>>

/** The demo environment of one listener, with the sandbox's well-known secrets that seed its vault entries on first run. */
export interface SandboxDemo {
  id: string
  name: string
  api: Environment['api']
  url: string
  auth: Environment['auth']
  secrets: Record<string, string | undefined>
}

export interface SandboxPort {
  /** Base URL of each listener; fresh ports every start. */
  urls: SandboxUrls
  /** PEM file of the sandbox CA, trusted per environment; null when it serves plain HTTP. */
  caPath: string | null
  demos: SandboxDemo[]
  /** Things the user should know, e.g. an unreadable CA that was moved aside and replaced. */
  warnings: string[]
  close(): Promise<void>
}

/**
 * Starts the sandbox with its CA kept in `dataDir`; rejects if it cannot start. `onStopped` hears of a sandbox that
 * dies after it started (e.g. its worker thread crashed).
 */
export type StartSandbox = (dataDir: string, onStopped: (message: string) => void) => Promise<SandboxPort>
