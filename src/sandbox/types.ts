import type { SandboxCredentials } from './credentials'
import type { SandboxDemo } from './listeners'

export interface SandboxHooks {
  /**
   * Test-only: awaited after an iterator pull has taken its (endpoint, index) lock and before the page
   * is produced, so a test can hold a pull open and check that a second one gets 409.
   */
  beforeIteratorPage?: (endpoint: string, index: string) => Promise<void>
}

export interface SandboxOptions {
  /** Folder for the sandbox CA (ca.pem + ca-key.pem), created if missing. */
  dataDir: string
  /** Default 127.0.0.1. */
  host?: string
  /** Netskope on `port`, Cloud Exchange on port+1, InsightCloudSec on port+2; 0 (default) = free ports. */
  port?: number
  /** Serve plain HTTP instead of HTTPS. */
  http?: boolean
  /** Seed of all generated data (default 1). */
  seed?: number
  /** Iterator `wait_time` in seconds once a consumer has caught up (default 5; 0 for tests/bench). */
  waitTime?: number
  /** Netskope rate limit of 4 requests/s per (token, endpoint) (default true). */
  rateLimit?: boolean
  /** Clock in epoch milliseconds (default Date.now); tests move it to expire sessions and tokens. */
  now?: () => number
  hooks?: SandboxHooks
}

// A type alias, not an interface: it then fits core's Record<string, string> (src/main/core/sandbox-port.ts).
export type SandboxUrls = {
  netskope: string
  cloudExchange: string
  insightcloudsec: string
  falcon: string
}

export interface RunningSandbox {
  urls: SandboxUrls
  /** PEM file of the sandbox CA; null with `http`. */
  caPath: string | null
  credentials: SandboxCredentials
  /** One demo environment per listener (src/sandbox/listeners.ts), for the app to create. */
  demos: SandboxDemo[]
  /** Things the user should know, e.g. an unreadable CA that was moved aside and replaced. */
  warnings: string[]
  close(): Promise<void>
}

/** What every vendor server gets from startSandbox. */
export interface SandboxRuntime {
  seed: number
  waitTime: number
  rateLimit: boolean
  now: () => number
  /** Epoch seconds at start; generated event streams are laid out relative to it. */
  startedAtSec: number
  credentials: SandboxCredentials
  hooks: SandboxHooks
  /** Filled in once all listeners are up (handlers only read it while serving). */
  urls: SandboxUrls
}
