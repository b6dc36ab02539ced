/**
 * The built-in sandbox: three local listeners that behave like a Netskope tenant, Netskope Cloud Exchange
 * and Rapid7 InsightCloudSec closely enough for the vendors' own client code. Plain Node, no electron.
 */
import { AppError } from '../shared/model/errors'
import { sandboxCredentials } from './credentials'
import { createCloudExchangeHandler } from './cloud-exchange/server'
import { createInsightCloudSecHandler } from './insightcloudsec/server'
import { listen, type Listener, type TlsMaterial } from './http/listen'
import { createNetskopeHandler } from './netskope/server'
import { issueServerCertificate, loadOrCreateCa } from './tls'
import type { RunningSandbox, SandboxOptions, SandboxRuntime } from './types'

export type { RunningSandbox, SandboxHooks, SandboxOptions, SandboxUrls } from './types'
export type { SandboxCredentials } from './credentials'

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1'
  const basePort = options.port ?? 0
  if (!Number.isInteger(basePort) || basePort < 0 || basePort > 65533) {
    throw new AppError('INVALID_INPUT', `Sandbox port ${String(options.port)} is not valid: use 0 (free ports) or 1-65533.`)
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
    urls: { netskope: '', cloudExchange: '', insightcloudsec: '' }
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
  const handlers = [
    ['Netskope', createNetskopeHandler(runtime)],
    ['Cloud Exchange', createCloudExchangeHandler(runtime)],
    ['InsightCloudSec', createInsightCloudSecHandler(runtime)]
  ] as const
  const listeners: Listener[] = []
  try {
    for (const [offset, [name, handler]] of handlers.entries()) {
      listeners.push(await listen(name, handler, host, basePort === 0 ? 0 : basePort + offset, tls))
    }
  } catch (error) {
    await Promise.allSettled(listeners.map((l) => l.close()))
    throw error
  }
  const scheme = tls === null ? 'http' : 'https'
  const [netskope, cloudExchange, insightcloudsec] = listeners.map((l) => `${scheme}://${urlHost(host)}:${l.port}`)
  runtime.urls = { netskope: netskope ?? '', cloudExchange: cloudExchange ?? '', insightcloudsec: insightcloudsec ?? '' }
  let closed: Promise<void> | null = null
  return {
    urls: { ...runtime.urls },
    caPath,
    credentials,
    warnings,
    close: () => {
      closed ??= Promise.all(listeners.map((l) => l.close())).then(() => undefined)
      return closed
    }
  }
}
