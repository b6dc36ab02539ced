/**
 * The built-in sandbox: one local listener per vendor (src/sandbox/listeners.ts) that behaves like a Netskope
 * tenant, Netskope Cloud Exchange, Rapid7 InsightCloudSec and CrowdStrike Falcon closely enough for the vendors'
 * own client code. Plain Node, no electron.
 */
import { AppError } from '../shared/model/errors'
import { sandboxCredentials } from './credentials'
import { listen, type Listener, type TlsMaterial } from './http/listen'
import { SANDBOX_LISTENERS } from './listeners'
import { issueServerCertificate, loadOrCreateCa } from './tls'
import type { RunningSandbox, SandboxOptions, SandboxRuntime, SandboxUrls } from './types'

export type { RunningSandbox, SandboxHooks, SandboxOptions, SandboxUrls } from './types'
export type { SandboxCredentials } from './credentials'

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1'
  const basePort = options.port ?? 0
  const highest = 65536 - SANDBOX_LISTENERS.length
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > highest) {
    throw new AppError('INVALID_INPUT', `Sandbox port ${String(options.port)} is not valid: use 0 (free ports) or 1-${highest}.`)
  }
  const now = options.now ?? Date.now
  const credentials = sandboxCredentials()
  const runtime: SandboxRuntime = {
    seed: options.seed ?? 1,
    waitTime: options.waitTime ?? 5,
    rateLimit: options.rateLimit ?? true,
    now,
    startedAtSec: Math.floor(now() / 1000),
    credentials,
    hooks: options.hooks ?? {},
    // Filled in below once every listener is up.
    urls: Object.fromEntries(SANDBOX_LISTENERS.map((listener) => [listener.key, ''])) as unknown as SandboxUrls
  }
  let tls: TlsMaterial | null = null
  let caPath: string | null = null
  const warnings: string[] = []
  if (options.http !== true) {
    const loaded = await loadOrCreateCa(options.dataDir)
    warnings.push(...loaded.warnings)
    tls = issueServerCertificate(loaded.ca, host)
    caPath = loaded.ca.certPath
  }
  const listeners: Listener[] = []
  try {
    for (const [offset, listener] of SANDBOX_LISTENERS.entries()) {
      listeners.push(await listen(listener.name, listener.create(runtime), host, basePort === 0 ? 0 : basePort + offset, tls))
    }
  } catch (error) {
    await Promise.allSettled(listeners.map((l) => l.close()))
    throw error
  }
  const scheme = tls === null ? 'http' : 'https'
  for (const [index, listener] of SANDBOX_LISTENERS.entries()) runtime.urls[listener.key] = `${scheme}://${urlHost(host)}:${listeners[index]?.port ?? 0}`
  let closed: Promise<void> | null = null
  return {
    urls: { ...runtime.urls },
    caPath,
    credentials,
    demos: SANDBOX_LISTENERS.map((listener) => listener.demo(runtime, runtime.urls[listener.key])),
    warnings,
    close: () => {
      closed ??= Promise.all(listeners.map((l) => l.close())).then(() => undefined)
      return closed
    }
  }
}
