/**
 * THE IPC contract. Every command and event the renderer can use is declared here once, with zod schemas
 * for its input (validated in main) and output. Channel names appear nowhere else.
 * Adding a command = adding an entry here; the compiler then demands a handler in main/ipc/handlers.ts.
 */
import { z } from 'zod'
import {
  ExportFormatSchema, IteratorPagePreviewSchema, IteratorProgressSchema, IteratorSavedStateSchema, IteratorStartSchema,
  IteratorSummarySchema
} from '../iterator/iterator-model'
import { ScopePathSchema, ScopeProbeResultSchema } from '../iterator/scope-plan'
import { RequestSpecSchema } from '../model/request'
import { BodyChunkSchema, SendResultSchema } from '../model/response'
import { BodyViewModeSchema, type BodyRows, type BodySearchPage } from '../model/body-view'
import { EnvironmentSchema } from '../model/environment'
import { SettingsPatchSchema, SettingsSchema } from '../model/settings'
import type { Envelope } from '../model/errors'
import { SECRET_NAMES, VaultStatusSchema } from '../model/auth'
import { HistoryQuerySchema, type HistoryEntry, type HistoryPage } from '../collections/history-entry'
import { IteratorSettingsSchema, SavedRequestSchema, type CollectionTree, type SavedRequest } from '../collections/saved-request'
import type { ImportedCatalog } from '../catalog/imported'
import type { CurlImportWithSecrets, CurlSecret } from '../collections/curl-secrets'

const RunIdSchema = z.string().min(1).max(128)
const IdSchema = z.string().min(1).max(128)

export const SandboxStatusSchema = z.object({
  running: z.boolean(),
  urls: z.object({ netskope: z.string(), cloudExchange: z.string(), insightcloudsec: z.string() }).nullable(),
  caPath: z.string().nullable()
})
export type SandboxStatus = z.infer<typeof SandboxStatusSchema>

// Issue 7 (history, snippets, collections). Outputs are built by main's own core, so they are typed, not re-parsed.
const FolderPathSchema = z.string().min(1).max(4096)
const RelPathSchema = z.string().max(4096)
const MutationSchema = z.custom<{ path: string; warnings: string[] }>()
const ExportOutputSchema = z.custom<{ path: string | null; replacedSecrets: number; warnings: string[] }>()
type OpenCollectionOut = { folder: string; tree: CollectionTree; error: null } | { folder: string; tree: null; error: string }

const SnippetRequestSchema = z.object({
  spec: RequestSpecSchema,
  environmentId: IdSchema.nullable().default(null),
  language: z.enum(['python', 'curl']),
  inlineSecrets: z.boolean().default(false),
  iterator: IteratorSettingsSchema.nullable().default(null)
})
/** A cURL import as the renderer sees it: the secrets' names and labels, never their values. */
type CurlImportOut = Omit<CurlImportWithSecrets, 'secrets'> & { secrets: Array<Omit<CurlSecret, 'value'>>; secretsId: string | null }
type GeneratedSnippetOut = { code: string; language: 'python' | 'curl'; envVars: Array<{ name: string; what: string }>; inlined: boolean }

export const commands = {
  /** Send a request; resolves with metadata and a preview, the body stays in main. */
  'request:send': {
    input: z.object({ runId: RunIdSchema, spec: RequestSpecSchema, environmentId: IdSchema.nullable().default(null) }),
    output: SendResultSchema
  },
  'request:cancel': { input: z.object({ runId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Page through a response body kept in a temp file in main. */
  'response:read-body': {
    input: z.object({
      responseId: IdSchema,
      offset: z.number().int().min(0),
      length: z.number().int().min(1).max(4 * 1024 * 1024)
    }),
    output: BodyChunkSchema
  },
  'response:release': { input: z.object({ responseId: IdSchema }), output: z.object({ released: z.boolean() }) },
  /** Large bodies: a window of rows (lines, long lines folded) of the raw or re-indented body, indexed in main. */
  'response:view-rows': {
    input: z.object({ responseId: IdSchema, mode: BodyViewModeSchema, fromRow: z.number().int().min(0), count: z.number().int().min(1).max(1000) }),
    output: z.custom<BodyRows>()
  },
  /** One page of matches, streamed over the body file in main; a new search with the same searchId cancels the old. */
  'response:search': {
    input: z.object({
      searchId: RunIdSchema,
      responseId: IdSchema,
      mode: BodyViewModeSchema,
      query: z.string().min(1).max(1000),
      caseSensitive: z.boolean().default(false),
      fromRow: z.number().int().min(0).default(0),
      maxMatches: z.number().int().min(1).max(1000).default(500)
    }),
    output: z.custom<BodySearchPage>()
  },
  'response:search-cancel': { input: z.object({ searchId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Save dialog in main, then the kept body is copied to the file (never through the renderer); path null = cancelled. */
  'response:save-body': { input: z.object({ responseId: IdSchema }), output: z.object({ path: z.string().nullable(), bytes: z.number() }) },
  'settings:get': { input: z.object({}), output: SettingsSchema },
  'settings:update': { input: SettingsPatchSchema, output: SettingsSchema },
  'environment:list': { input: z.object({}), output: z.array(EnvironmentSchema) },
  'environment:save': { input: EnvironmentSchema, output: EnvironmentSchema },
  'environment:delete': { input: z.object({ id: IdSchema }), output: z.object({ deleted: z.boolean() }) },
  /** Secrets are write-only from the renderer: set, delete, and see whether each is set. Never read back. */
  'vault:set': {
    input: z.object({ environmentId: IdSchema, name: z.enum(SECRET_NAMES), value: z.string().min(1).max(65_536) }),
    output: z.object({ set: z.boolean() })
  },
  'vault:delete': {
    input: z.object({ environmentId: IdSchema, name: z.enum(SECRET_NAMES) }),
    output: z.object({ deleted: z.boolean() })
  },
  'vault:status': { input: z.object({ environmentId: IdSchema }), output: VaultStatusSchema },
  /** Ends a login-derived session (InsightCloudSec logout call; Cloud Exchange token dropped). */
  'auth:logout': { input: z.object({ environmentId: IdSchema }), output: z.object({ loggedOut: z.boolean() }) },
  /** The auth panel's state at a glance; header values are masked. */
  'auth:status': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({
      effective: z.enum(['none', 'api-key', 'login', 'netskope-v2', 'netskope-v1-only', 'cloud-exchange']),
      headerPreview: z.string().nullable(),
      loggedInUntil: z.number().nullable(),
      lastError: z.string().nullable(),
      bothIcsCredentials: z.boolean(),
      expiryWarning: z.string().nullable()
    })
  },
  /** InsightCloudSec: generate a new API key (deactivates the old one) straight into the vault; the key is not returned. */
  'auth:create-api-key': { input: z.object({ environmentId: IdSchema }), output: z.object({ created: z.boolean(), userId: z.string() }) },
  'sandbox:status': { input: z.object({}), output: SandboxStatusSchema },
  /** Problems found at start (e.g. a corrupt settings or vault file moved aside to a timestamped name), oldest first. */
  'app:notices': { input: z.object({}), output: z.array(z.string()) },
  /** The user closed the notices banner: they are not shown again this session. */
  'app:dismiss-notices': { input: z.object({}), output: z.object({ dismissed: z.number().int().min(0) }) },
  /** Native file picker in main (the sandboxed renderer cannot see paths). */
  'dialog:pick-file': {
    input: z.object({ purpose: z.enum(['multipart', 'ca-bundle']) }),
    output: z.object({ path: z.string().nullable() })
  },
  /**
   * The user agreed to upload files a collection names (listed in a FILE_CONFIRMATION_REQUIRED error). Only paths
   * main itself offered in such an error are accepted, so a page cannot use this to grant a path of its choosing.
   */
  'file:confirm-upload': {
    input: z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(100) }),
    output: z.object({ confirmed: z.array(z.string()) })
  },
  'history:search': { input: HistoryQuerySchema, output: z.custom<HistoryPage>() },
  'history:get': { input: z.object({ id: IdSchema }), output: z.custom<HistoryEntry>() },
  'history:clear': { input: z.object({}), output: z.object({ cleared: z.boolean() }) },
  /**
   * Python / cURL for a request, built in main (variables, auth, TLS). With inlineSecrets the displayed code shows a
   * masked stand-in where each secret goes: the real values are only ever inserted by snippet:copy / snippet:save,
   * which main performs itself, so no secret crosses into the renderer.
   */
  'snippet:generate': { input: SnippetRequestSchema, output: z.custom<GeneratedSnippetOut>() },
  /** Regenerates the snippet in main (secrets inserted when asked), then a save dialog and an atomic write. */
  'snippet:save': { input: SnippetRequestSchema, output: z.object({ path: z.string().nullable() }) },
  /** Regenerates the snippet in main (secrets inserted when asked) and puts it on the OS clipboard. */
  'snippet:copy': { input: SnippetRequestSchema, output: z.object({ copied: z.boolean() }) },
  'collection:list': { input: z.object({}), output: z.custom<OpenCollectionOut[]>() },
  /** Opens (folder chosen in main's dialog) or creates a collection; null when the dialog was cancelled. */
  'collection:open': { input: z.object({}), output: z.object({ tree: z.custom<CollectionTree>().nullable() }) },
  'collection:create': { input: z.object({ name: z.string().trim().min(1).max(200) }), output: z.object({ tree: z.custom<CollectionTree>().nullable() }) },
  'collection:close': { input: z.object({ folder: FolderPathSchema }), output: z.object({ closed: z.boolean() }) },
  'collection:read-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: z.custom<SavedRequest>() },
  'collection:save-request': {
    input: z.object({
      folder: FolderPathSchema,
      /** Existing file to overwrite; absent = a new file in `parent`. */
      path: RelPathSchema.optional(),
      parent: RelPathSchema.default(''),
      request: SavedRequestSchema.omit({ id: true }).extend({ id: z.string().max(128).optional() })
    }),
    output: z.custom<{ path: string; warnings: string[]; saved: SavedRequest; replacedSecrets: Array<{ where: string; name: string }> }>()
  },
  'collection:rename-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema, name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:duplicate-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: MutationSchema },
  'collection:delete-request': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema }), output: MutationSchema },
  /** Postman v2.x file (main's file dialog) -> a new collection in an empty folder (main's folder dialog); null = cancelled. */
  'collection:import-postman': {
    input: z.object({}),
    output: z.custom<{
      tree: CollectionTree
      requestCount: number
      droppedSecrets: Array<{ path: string; what: string }>
      authMappings: Array<{ path: string; from: string; to: string }>
      warnings: string[]
    } | null>()
  },
  /** Export a collection (path '') or one folder/request to a file chosen in main's save dialog; path null = cancelled. */
  'collection:export-postman': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.default('') }), output: ExportOutputSchema },
  'collection:export-har': {
    input: z.object({ folder: FolderPathSchema, path: RelPathSchema.default(''), environmentId: IdSchema.nullable().default(null) }),
    output: ExportOutputSchema
  },
  'collection:create-folder': { input: z.object({ folder: FolderPathSchema, parent: RelPathSchema.default(''), name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:rename-folder': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.min(1), name: z.string().trim().min(1).max(200) }), output: MutationSchema },
  'collection:delete-folder': { input: z.object({ folder: FolderPathSchema, path: RelPathSchema.min(1) }), output: MutationSchema },
  /** Moves a request into another folder of the same collection ('' = root), at `index` (end when absent). */
  'collection:move-request': {
    input: z.object({ folder: FolderPathSchema, path: RelPathSchema, toFolder: RelPathSchema, index: z.number().int().min(0).optional() }),
    output: MutationSchema
  },
  /**
   * Issue 4: an OpenAPI 3.x / Swagger 2.0 file (main's open dialog) parsed and converted in main, saved as a catalog;
   * null = the dialog was cancelled. The catalog carries its import report (imported, skipped and why). The import
   * runs in a worker thread; `importId` lets catalog:cancel-import stop it.
   */
  'catalog:import': { input: z.object({ importId: RunIdSchema.optional() }), output: z.object({ catalog: z.custom<ImportedCatalog>().nullable() }) },
  'catalog:cancel-import': { input: z.object({ importId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /**
   * A cURL command pasted into the URL bar, parsed in main. Its credentials are replaced by `{{secret.NAME}}` and held
   * in main under `secretsId` (null when there were none) until curl:store-secrets or curl:discard-secrets.
   */
  'curl:import': { input: z.object({ text: z.string().min(1).max(1_000_000) }), output: z.custom<CurlImportOut>() },
  /** Moves the held credentials into the vault as secrets of the environment; they are forgotten either way. */
  'curl:store-secrets': { input: z.object({ secretsId: IdSchema, environmentId: IdSchema }), output: z.object({ stored: z.array(z.string()) }) },
  'curl:discard-secrets': { input: z.object({ secretsId: IdSchema }), output: z.object({ discarded: z.boolean() }) },
  'catalog:list-imported': { input: z.object({}), output: z.custom<{ catalogs: ImportedCatalog[]; notices: string[] }>() },
  'catalog:remove-imported': { input: z.object({ id: IdSchema }), output: z.object({ removed: z.boolean() }) },
  /** Netskope Data Export iterator (issue 6). Whether the environment can use it (v2 token), and why not. */
  'iterator:availability': {
    input: z.object({ environmentId: IdSchema }),
    output: z.object({ available: z.boolean(), reason: z.string().nullable() })
  },
  /** Save dialog in main for an export file; only paths chosen here are accepted by iterator:start. */
  'iterator:pick-export': {
    input: z.object({ format: ExportFormatSchema, defaultName: z.string().max(200).optional() }),
    output: z.object({ path: z.string().nullable() })
  },
  /** Runs until its mode's stop rule (or cancel); progress and page previews arrive as events keyed by runId. */
  'iterator:start': { input: IteratorStartSchema, output: IteratorSummarySchema },
  'iterator:cancel': { input: z.object({ runId: RunIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Saved positions (environment, endpoint, index, last timestamp_hwm) for resuming. */
  'iterator:state': { input: z.object({}), output: z.array(IteratorSavedStateSchema) },
  /** Token scope checker: main sends one read-only GET per path (never a write) with the environment's v2 token. */
  'iterator:check-scopes': {
    input: z.object({ environmentId: IdSchema, paths: z.array(ScopePathSchema).min(1).max(64) }),
    output: z.array(ScopeProbeResultSchema)
  }
} as const

export const events = {
  /** Progress of a running send, keyed by runId. */
  'request:progress': z.object({
    runId: RunIdSchema,
    phase: z.enum(['connecting', 'sending', 'waiting', 'receiving', 'done']),
    receivedBytes: z.number(),
    totalBytes: z.number().nullable()
  }),
  'iterator:progress': IteratorProgressSchema,
  /** The first records of each page (capped), for the viewer. */
  'iterator:page': IteratorPagePreviewSchema
} as const

export type CommandName = keyof typeof commands
export type EventName = keyof typeof events
/** What the renderer passes (defaults may be omitted). */
export type CommandInput<K extends CommandName> = z.input<(typeof commands)[K]['input']>
/** What a handler receives after validation (defaults applied). */
export type ParsedInput<K extends CommandName> = z.output<(typeof commands)[K]['input']>
export type CommandOutput<K extends CommandName> = z.output<(typeof commands)[K]['output']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const commandNames = Object.keys(commands) as CommandName[]
export const eventNames = Object.keys(events) as EventName[]

export function isCommandName(value: unknown): value is CommandName {
  return typeof value === 'string' && Object.hasOwn(commands, value)
}
export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value)
}

/** The whole surface the preload exposes to the page (as `api` on the window). */
export interface ExplorerApi {
  call<K extends CommandName>(command: K, input: CommandInput<K>): Promise<Envelope<CommandOutput<K>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
