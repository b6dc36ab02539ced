import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Settings } from '@shared/model/settings'
import { createHttpEngine } from './http/engine'
import type { HttpEngine } from './http/engine-contract'
import { openEnvironmentRepository, type EnvironmentRepository } from './environments'
import { openSettingsStore, type SettingsStore } from './settings-store'
import type { OpenStateFile } from './storage/state-file'
import { openWorkspaceStore, type WorkspaceStore } from './workspace-store'
import { createRequestRunner, sendOptionsFor, type RequestRunner } from './request-runner'
import type { SandboxPort, StartSandbox } from './sandbox-port'
import { startBuiltInSandbox, syncSandboxEnvironments } from './sandbox-environments'
import { openVault, type SecretCipher, type Vault } from './vault/vault'
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
   * Starts the built-in sandbox (src/sandbox/, the local mock of the vendor APIs; the caller decides where it runs)
   * with its CA in <dataDir>/sandbox; core keeps a "Sandbox" environment per API pointing at it. false = no mock
   * server. (Named for the mock server; Electron's renderer sandbox is always on, src/main/window.ts.)
   */
  startSandbox: false | StartSandbox
  /** Encrypts vault entries at rest (Electron safeStorage in the app); may depend on the user's settings. */
  cipher: SecretCipher | ((settings: Settings) => Promise<SecretCipher>)
  /**
   * Keep history in a worker thread started from this code (the app; benches and e2e from source). Without it,
   * history runs on this thread: simpler for unit tests, but its redaction and serialisation then cost every send.
   */
  historyWorker?: WorkerSource
  /** Run each catalog import in a worker thread started from this code (the app, e2e); without it, in this thread. */
  catalogImportWorker?: WorkerSource
  /** Keeps settings.json and workspace.json: electron-store in the app; conf, its engine, by default. */
  openStateFile?: OpenStateFile
}

export interface AppCore {
  engine: HttpEngine
  environments: EnvironmentRepository
  settings: SettingsStore
  /** Open tabs and layout, restored after a restart. */
  workspace: WorkspaceStore
  requests: RequestRunner
  vault: Vault
  auth: Authenticator
  /** Netskope Data Export iterator runs (pages, export, saved positions). */
  iterator: IteratorRunner
  sandbox: SandboxPort | null
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
  /** Logs the environment in now (session login or token exchange); when the session ends, or null if none is needed. */
  login(environmentId: string): Promise<number | null>
  /** Ends the environment's login session, if any. */
  logout(environmentId: string): Promise<boolean>
  close(): Promise<void>
}

/** Builds every core service. No electron here: the app, the e2e bridge and the tests all use this. */
export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  await mkdir(options.dataDir, { recursive: true })
  const notices: string[] = []
  // Started first: the sandbox worker loads its code and issues its certificate while the stores below open.
  const sandboxStarting = options.startSandbox === false ? null : startBuiltInSandbox(options.startSandbox, join(options.dataDir, 'sandbox'), notices)
  const settings = await openSettingsStore(options.dataDir, notices, options.openStateFile)
  const workspace = await openWorkspaceStore(options.dataDir, notices, options.openStateFile)
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
  const iterator = createIteratorRunner({ requests, engine, environments, vault, history, states: await openIteratorStateStore(options.dataDir, notices) })
  const sandbox = await sandboxStarting
  if (sandbox) {
    notices.push(...sandbox.warnings)
    await syncSandboxEnvironments(environments, vault, sandbox)
  }

  return {
    engine,
    environments,
    settings,
    workspace,
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
    async login(environmentId) {
      const environment = environments.get(environmentId)
      return (await auth.login(environment, sendOptionsFor(settings.get(), environment)))?.expiresAt ?? null
    },
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
