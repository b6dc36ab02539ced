import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Environment } from '@shared/model/environment'
import type { Settings } from '@shared/model/settings'
import { createHttpEngine } from './http/engine'
import type { HttpEngine } from './http/engine-contract'
import { openEnvironmentRepository, type EnvironmentRepository } from './environments'
import { openSettingsStore, type SettingsStore } from './settings-store'
import { createRequestRunner, sendOptionsFor, type RequestRunner } from './request-runner'
import { startSandbox, type RunningSandbox } from './sandbox'
import { startSandboxWorker } from './sandbox/worker/sandbox-client'
import { openVault, secretKey, type SecretCipher, type Vault } from './vault/vault'
import { createAuthenticator, type Authenticator } from './auth/authenticator'
import { createIteratorRunner, type IteratorRunner } from './iterator/iterator-runner'
import { openIteratorStateStore } from './iterator/iterator-state'
import { HistoryStore } from './history/history-store'
import { startHistoryWorker, type History, type WorkerSource } from './history/history-client'
import { CollectionRepository } from './collections/repository'
import { openCollectionList, type OpenCollections } from './collections/open-collections'
import { openImportedCatalogStore, type ImportedCatalogStore } from './catalog-import/imported-store'

/** Quit waits this long at most for InsightCloudSec logouts. */
const QUIT_LOGOUT_WAIT_MS = 2000

export interface AppCoreOptions {
  /** Where settings, environments and the sandbox CA live (the app's userData folder in Electron). */
  dataDir: string
  /** Where response bodies are streamed; emptied on close. */
  tempDir: string
  /**
   * Start the built-in sandbox (the local mock of the vendor APIs) and keep a "Sandbox" environment per API pointing
   * at it; false = no mock server. Not Electron's renderer sandbox, which is always on (src/main/window.ts).
   */
  sandbox: false | { http?: boolean; waitTime?: number }
  /** Encrypts vault entries at rest (Electron safeStorage in the app); may depend on the user's settings. */
  cipher: SecretCipher | ((settings: Settings) => Promise<SecretCipher>)
  /**
   * Keep history in a worker thread started from this code (the app; benches and e2e from source). Without it,
   * history runs on this thread: simpler for unit tests, but its redaction and serialisation then cost every send.
   */
  historyWorker?: WorkerSource
  /**
   * Run the sandbox in a worker thread started from this code (the app; e2e from source), so its requests never hold
   * up main's event loop. Without it, the sandbox runs on this thread (unit tests).
   */
  sandboxWorker?: WorkerSource
  /** Run each catalog import in a worker thread started from this code (the app, e2e); without it, in this thread. */
  catalogImportWorker?: WorkerSource
}

export interface AppCore {
  engine: HttpEngine
  environments: EnvironmentRepository
  settings: SettingsStore
  requests: RequestRunner
  vault: Vault
  auth: Authenticator
  /** Netskope Data Export iterator runs (pages, export, saved positions). */
  iterator: IteratorRunner
  sandbox: RunningSandbox | null
  /** Every send, redacted, at <dataDir>/history. */
  history: History
  /** Saved-request collections (any folder the user opens). */
  collections: CollectionRepository
  /** Collection folders open in the sidebar (only these are accepted from the renderer). */
  openCollections: OpenCollections
  /** OpenAPI / Swagger files the user imported as catalogs, at <dataDir>/catalogs. */
  importedCatalogs: ImportedCatalogStore
  /** Problems found at start (e.g. a corrupt file moved aside) to show the user. */
  notices: string[]
  /** Ends the environment's login session, if any. */
  logout(environmentId: string): Promise<boolean>
  close(): Promise<void>
}

/** Builds every core service. No electron here: the app, the e2e bridge and the tests all use this. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  await mkdir(options.dataDir, { recursive: true })
  const notices: string[] = []
  // Started first: the sandbox worker loads its code and issues its certificate while the stores below open.
  const sandboxStarting = options.sandbox === false ? null : startBuiltInSandbox(options, options.sandbox, notices)
  const settings = await openSettingsStore(options.dataDir, notices)
  const environments = await openEnvironmentRepository(options.dataDir, notices)
  const cipher = typeof options.cipher === 'function' ? await options.cipher(settings.get()) : options.cipher
  const vault = await openVault(options.dataDir, cipher, notices)
  if (vault.note) notices.push(vault.note)
  const engine = createHttpEngine({ tempDir: options.tempDir })
  const auth = createAuthenticator(engine, vault)
  // A token never follows an environment to a new host (src/main/core/auth/session-cache.ts).
  environments.onSaved((environment) => void auth.forgetStale(environment, sendOptionsFor(settings.get(), environment)))
  const historyDir = join(options.dataDir, 'history')
  const inThread = (): HistoryStore => new HistoryStore(historyDir)
  const history = options.historyWorker ? startHistoryWorker(historyDir, options.historyWorker, inThread) : inThread()
  const collections = new CollectionRepository()
  const openCollections = await openCollectionList(options.dataDir, collections, notices)
  const requests = createRequestRunner({ engine, environments, settings, auth, vault, history })
  const iterator = createIteratorRunner({ requests, engine, environments, vault, states: await openIteratorStateStore(options.dataDir, notices) })
  const sandbox = await sandboxStarting
  if (sandbox) {
    notices.push(...sandbox.warnings)
    await syncSandboxEnvironments(environments, vault, sandbox)
  }

  return {
    engine,
    environments,
    settings,
    requests,
    vault,
    auth,
    iterator,
    sandbox,
    history,
    collections,
    openCollections,
    importedCatalogs: openImportedCatalogStore(options.dataDir, options.catalogImportWorker),
    notices,
    logout: (environmentId) => {
      const environment = environments.get(environmentId)
      return auth.logout(environment, sendOptionsFor(settings.get(), environment))
    },
    async close() {
      iterator.cancelAll()
      requests.cancelAll()
      // ICS sessions the user logged in are ended where they were issued; a slow or dead host delays quit by 2 s at most.
      await auth.closeAll(sendOptionsFor(settings.get(), null), QUIT_LOGOUT_WAIT_MS)
      // history.close() runs after every queued write: the last sends reach the disk before the app exits.
      await Promise.allSettled([engine.close(), sandbox?.close(), history.close()])
    }
  }
}

/** The sandbox, or null with a notice when it cannot start (never rejects): the app still opens, just without it. */
async function startBuiltInSandbox(
  options: AppCoreOptions,
  sandboxOptions: { http?: boolean; waitTime?: number },
  notices: string[]
): Promise<RunningSandbox | null> {
  const settings = { dataDir: join(options.dataDir, 'sandbox'), ...sandboxOptions }
  try {
    if (!options.sandboxWorker) return await startSandbox(settings)
    return await startSandboxWorker(settings, options.sandboxWorker, (message) => {
      console.error(`[sandbox] ${message}`)
      notices.push(message)
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    notices.push(`The built-in sandbox could not start, so the app opened without it: ${reason}`)
    return null
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
async function syncSandboxEnvironments(environments: EnvironmentRepository, vault: Vault, sandbox: RunningSandbox): Promise<void> {
  const seeds = sandboxSecrets(sandbox)
  for (const entry of SANDBOX_APIS) {
    const existing = environments.list().find((environment) => environment.id === entry.id)
    const base: Environment = existing ?? {
      id: entry.id,
      name: entry.name,
      api: entry.api,
      baseUrl: '',
      variables: [],
      tls: { verify: true, caPath: null },
      auth: seeds[entry.api].auth,
      sandbox: true
    }
    await environments.save({ ...base, baseUrl: sandbox.urls[entry.url], tls: { ...base.tls, caPath: sandbox.caPath } })
    if (existing) continue
    // First run: the sandbox's well-known credentials go into the vault like any user's would.
    for (const [name, value] of Object.entries(seeds[entry.api].secrets)) {
      if (value !== undefined && !vault.has(secretKey(entry.id, name))) await vault.set(secretKey(entry.id, name), value)
    }
  }
}

function sandboxSecrets({ credentials }: RunningSandbox): Record<
  (typeof SANDBOX_APIS)[number]['api'],
  { auth: Environment['auth']; secrets: Record<string, string | undefined> }
> {
  const fullToken = credentials.netskope.v2Tokens.find((token) => !token.expired)
  const client = credentials.cloudExchange.clients[0]
  const user = credentials.insightcloudsec.users[0]
  return {
    netskope: {
      auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
      secrets: { v2Token: fullToken?.token, v1Token: credentials.netskope.v1Token }
    },
    'cloud-exchange': {
      auth: { kind: 'cloud-exchange', clientId: client?.clientId ?? '', secretExpiresOn: null },
      secrets: { clientSecret: client?.clientSecret }
    },
    insightcloudsec: {
      auth: { kind: 'insightcloudsec', username: user?.username ?? '' },
      secrets: { apiKey: user?.apiKey, password: user?.password }
    }
  }
}
