import type { AppCore } from '../core/app-core'
import { SECRET_NAMES } from '@shared/model/auth'
import { secretKey } from '../core/vault/vault'
import type { Handlers } from './dispatch'
import { AppError } from '@shared/model/errors'
import { describeAuth } from '../core/auth/auth-status'
import { libraryHandlers } from './library-handlers'
import { catalogHandlers } from './catalog-handlers'
import { curlHandlers } from './curl-handlers'
import { createIcsApiKey } from '../core/auth/ics-api-key'
import { sendOptionsFor } from '../core/request-runner'
import { FileGrants } from '../core/file-grants'
import { saveEnvironmentFromRenderer } from '../core/environment-save'

/** The few things only the host (Electron, or the e2e bridge) can do. */
export interface PlatformPort {
  pickFile(purpose: 'multipart' | 'ca-bundle'): Promise<string | null>
  /** Save dialog; the chosen path, or null when cancelled. (Optional: hosts without one, e.g. benches, leave it out.) */
  pickSavePath?(purpose: 'snippet' | 'export' | 'response-body', defaultName: string): Promise<string | null>
  /** Folder dialog for a collection (an existing one, or where to create a new one). */
  pickFolder?(purpose: 'open-collection' | 'new-collection' | 'import-target'): Promise<string | null>
  /** Open dialog for a file to import (a Postman collection, or an OpenAPI / Swagger file as a catalog). */
  pickImportFile?(kind: 'postman' | 'openapi'): Promise<string | null>
  /** The OS clipboard, for copies main makes itself (a snippet with secrets never passes through the renderer). */
  writeClipboard?(text: string): void
}

/** The handler table: each entry only delegates to core. No electron import, so the e2e bridge reuses it. */
export function createHandlers(core: AppCore, platform: PlatformPort): Handlers {
  const grants = new FileGrants()
  return {
    'request:send': ({ runId, spec, environmentId }, emit) => {
      grants.checkRequest(spec) // only files chosen through main are read and uploaded
      return core.requests.send(runId, spec, environmentId, (progress) => emit('request:progress', { runId, ...progress }))
    },
    'request:cancel': async ({ runId }) => ({ cancelled: core.requests.cancel(runId) }),
    'response:read-body': ({ responseId, offset, length }) => core.engine.readBody(responseId, offset, length),
    'response:release': async ({ responseId }) => ({ released: await core.engine.release(responseId) }),
    'response:view-rows': ({ responseId, mode, fromRow, count }) => core.engine.views.rows(responseId, mode, fromRow, count),
    'response:search': ({ searchId, responseId, mode, ...options }) => core.engine.views.search(searchId, responseId, mode, options),
    'response:search-cancel': async ({ searchId }) => ({ cancelled: core.engine.views.cancelSearch(searchId) }),
    'response:save-body': async ({ responseId }) => {
      core.engine.views.size(responseId) // NOT_FOUND before a dialog opens for a body that is gone
      const path = (await platform.pickSavePath?.('response-body', 'response-body.json')) ?? null
      return { path, bytes: path === null ? 0 : await core.engine.views.save(responseId, path) }
    },
    'settings:get': async () => core.settings.get(),
    'settings:update': (patch) => core.settings.update(patch),
    'environment:list': async () => core.environments.list(),
    'environment:save': (environment) => {
      const current = core.environments.list().find((saved) => saved.id === environment.id)
      grants.checkCaPath(environment.tls?.caPath ?? null, current?.tls.caPath ?? null)
      return saveEnvironmentFromRenderer(core, environment)
    },
    'environment:delete': async ({ id }) => {
      core.auth.invalidate(id)
      await core.vault.deletePrefix(secretKey(id, ''))
      return { deleted: await core.environments.delete(id) }
    },
    'vault:set': async ({ environmentId, name, value }) => {
      core.environments.get(environmentId) // throws NOT_FOUND for an unknown environment
      await core.vault.set(secretKey(environmentId, name), value)
      core.auth.invalidate(environmentId)
      return { set: true }
    },
    'vault:delete': async ({ environmentId, name }) => {
      core.auth.invalidate(environmentId)
      return { deleted: await core.vault.delete(secretKey(environmentId, name)) }
    },
    'vault:status': async ({ environmentId }) => ({
      storage: !core.vault.persistent ? 'memory' : core.vault.note ? 'weak-disk' : 'os-keychain',
      storageNote: core.vault.note,
      secrets: SECRET_NAMES.map((name) => ({ name, set: core.vault.has(secretKey(environmentId, name)) }))
    }),
    'auth:logout': async ({ environmentId }) => ({ loggedOut: await core.logout(environmentId) }),
    'auth:status': ({ environmentId }) => describeAuth(core.environments.get(environmentId), core.vault, core.auth),
    'auth:create-api-key': async ({ environmentId }) => {
      const environment = core.environments.get(environmentId)
      const { userId } = await createIcsApiKey(core, environment, sendOptionsFor(core.settings.get(), environment))
      return { created: true, userId }
    },
    'sandbox:status': async () => ({
      running: core.sandbox !== null,
      urls: core.sandbox?.urls ?? null,
      caPath: core.sandbox?.caPath ?? null
    }),
    'app:notices': async () => [...core.notices],
    'app:dismiss-notices': async () => ({ dismissed: core.notices.splice(0).length }),
    'dialog:pick-file': async ({ purpose }) => {
      const path = await platform.pickFile(purpose)
      if (path !== null) grants.grant(path)
      return { path }
    },
    'file:confirm-upload': async ({ paths }) => ({ confirmed: grants.confirm(paths) }),
    ...libraryHandlers(core, platform, grants),
    ...catalogHandlers(core, platform),
    ...curlHandlers(core),
    'iterator:availability': async ({ environmentId }) => core.iterator.availability(environmentId),
    'iterator:pick-export': async ({ format, defaultName }) => {
      const path = (await platform.pickSavePath?.('export', defaultName ?? `netskope-export.${format}`)) ?? null
      if (path !== null) core.iterator.grantExportPath(path)
      return { path }
    },
    'iterator:start': async (input, emit) => {
      // The renderer cannot name arbitrary files: only a path picked in main's save dialog is written.
      if (input.export && !core.iterator.isExportPathGranted(input.export.path)) {
        throw new AppError('INVALID_INPUT', 'Choose the export file with the Export button (save dialog) first.')
      }
      return await core.iterator.start(input, { onProgress: (p) => emit('iterator:progress', p), onPage: (p) => emit('iterator:page', p) })
    },
    'iterator:cancel': async ({ runId }) => ({ cancelled: core.iterator.cancel(runId) }),
    'iterator:state': async () => core.iterator.states(),
    'iterator:check-scopes': ({ environmentId, paths }) => core.iterator.checkScopes(environmentId, paths)
  }
}
