import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Environment } from '@shared/model/environment'
import { createHttpEngine } from './http/engine'
import type { HttpEngine } from './http/types'
import { openEnvironmentRepository, type EnvironmentRepository } from './environments'
import { openSettingsStore, type SettingsStore } from './settings-store'
import { createRequestRunner, type RequestRunner } from './request-runner'
import { startSandbox, type RunningSandbox } from './sandbox'

export interface AppCoreOptions {
  /** Where settings, environments and the sandbox CA live (the app's userData folder in Electron). */
  dataDir: string
  /** Where response bodies are streamed; emptied on close. */
  tempDir: string
  /** Start the built-in sandbox and keep a "Sandbox" environment per API pointing at it. */
  sandbox: false | { http?: boolean; waitTime?: number }
}

export interface AppCore {
  engine: HttpEngine
  environments: EnvironmentRepository
  settings: SettingsStore
  requests: RequestRunner
  sandbox: RunningSandbox | null
  /** Problems found at start (e.g. a corrupt file moved aside) to show the user. */
  notices: string[]
  close(): Promise<void>
}

/** Builds every core service. No electron here: the app, the e2e bridge and the tests all use this. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  await mkdir(options.dataDir, { recursive: true })
  const notices: string[] = []
  const settings = await openSettingsStore(options.dataDir, notices)
  const environments = await openEnvironmentRepository(options.dataDir, notices)
  const engine = createHttpEngine({ tempDir: options.tempDir })
  const requests = createRequestRunner({ engine, environments, settings })
  const sandbox =
    options.sandbox === false
      ? null
      : await startSandbox({ dataDir: join(options.dataDir, 'sandbox'), ...options.sandbox })
  if (sandbox) await syncSandboxEnvironments(environments, sandbox)

  return {
    engine,
    environments,
    settings,
    requests,
    sandbox,
    notices,
    async close() {
      requests.cancelAll()
      await Promise.allSettled([engine.close(), sandbox?.close()])
    }
  }
}

const SANDBOX_APIS = [
  { id: 'sandbox-netskope', name: 'Sandbox · Netskope tenant', api: 'netskope', url: 'netskope' },
  { id: 'sandbox-cloud-exchange', name: 'Sandbox · Cloud Exchange', api: 'cloud-exchange', url: 'cloudExchange' },
  { id: 'sandbox-insightcloudsec', name: 'Sandbox · InsightCloudSec', api: 'insightcloudsec', url: 'insightcloudsec' }
] as const

/**
 * The sandbox listens on fresh ports each launch, so its environments are created on first run and their base
 * URL and CA refreshed on every start; anything else the user changed in them is kept. The CA is trusted through
 * the custom-CA setting, never by turning verification off.
 */
async function syncSandboxEnvironments(environments: EnvironmentRepository, sandbox: RunningSandbox): Promise<void> {
  for (const entry of SANDBOX_APIS) {
    const existing = environments.list().find((environment) => environment.id === entry.id)
    const base: Environment = existing ?? {
      id: entry.id,
      name: entry.name,
      api: entry.api,
      baseUrl: '',
      variables: [],
      tls: { verify: true, caPath: null },
      sandbox: true
    }
    await environments.save({ ...base, baseUrl: sandbox.urls[entry.url], tls: { ...base.tls, caPath: sandbox.caPath } })
  }
}
