import type { AppCore } from '../core/app-core'
import { createSnippet, type GeneratedSnippet } from '../core/glue/snippet-service'
import type { ParsedInput } from '@shared/ipc/contract'
import { saveSnippetFile } from '../core/snippet-file'
import { AppError } from '@shared/model/errors'
import { exportHarFile, exportPostmanFile, importPostmanFile } from '../core/glue/collection-transfer'
import type { Handlers } from './dispatch'
import type { PlatformPort } from './handlers'
import type { FileGrants } from '../core/file-grants'

/** The host's save/folder dialogs; a host without them gets a clear error rather than a crash. */
function dialogs(platform: PlatformPort): Required<Pick<PlatformPort, 'pickSavePath' | 'pickFolder' | 'pickImportFile'>> {
  const missing = (): never => {
    throw new AppError('INTERNAL', 'This host has no file dialogs.')
  }
  return {
    pickSavePath: platform.pickSavePath?.bind(platform) ?? missing,
    pickFolder: platform.pickFolder?.bind(platform) ?? missing,
    pickImportFile: platform.pickImportFile?.bind(platform) ?? missing
  }
}

/** A default file name for an export: the request file's or folder's name, else the collection folder's. */
function exportName(root: string, path: string): string {
  const base = (path === '' ? root : path).split(/[\\/]/).filter(Boolean).pop() ?? 'collection'
  return base.replace(/\.request\.json$/, '') || 'collection'
}

type LibraryCommand = Extract<keyof Handlers, `history:${string}` | `snippet:${string}` | `collection:${string}`>

/** Issue 7 handlers (history, snippets, collections); each only delegates to core. */
export function libraryHandlers(core: AppCore, platform: PlatformPort, grants: FileGrants): Pick<Handlers, LibraryCommand> {
  const open = core.openCollections
  /** `reveal`: only copy and save (main-side actions) put real secret values in; the displayed code is masked. */
  const snippet = (request: ParsedInput<'snippet:generate'>, reveal: boolean): Promise<GeneratedSnippet> =>
    createSnippet(
      { ...request, environment: request.environmentId === null ? null : core.environments.get(request.environmentId), reveal },
      core.settings.get(),
      core.vault
    )
  return {
    'history:search': (query) => core.history.search(query),
    'history:get': async ({ id }) => {
      const entry = await core.history.get(id)
      grants.grantFrom(entry.request) // main read it from its own history: its files may be sent again
      return entry
    },
    'history:clear': async () => {
      await core.history.clear()
      return { cleared: true }
    },
    'snippet:generate': (request) => snippet(request, false),
    'snippet:save': async (request) => {
      const path = await dialogs(platform).pickSavePath('snippet', request.language === 'python' ? 'request.py' : 'request.sh')
      if (path === null) return { path }
      const { code } = await snippet(request, true)
      await saveSnippetFile(path, code, request.language)
      return { path }
    },
    'snippet:copy': async (request) => {
      if (!platform.writeClipboard) throw new AppError('INTERNAL', 'This host has no clipboard.')
      platform.writeClipboard((await snippet(request, true)).code)
      return { copied: true }
    },
    'collection:list': () => open.list(),
    'collection:open': async () => {
      const folder = await dialogs(platform).pickFolder('open-collection')
      return { tree: folder === null ? null : await open.add(folder) }
    },
    'collection:create': async ({ name }) => {
      const folder = await dialogs(platform).pickFolder('new-collection')
      if (folder === null) return { tree: null }
      await core.collections.create(folder, name)
      return { tree: await open.add(folder) }
    },
    'collection:close': async ({ folder }) => ({ closed: await open.remove(folder) }),
    'collection:read-request': async ({ folder, path }) => {
      const saved = await core.collections.readRequest(open.require(folder), path)
      grants.offerFrom(saved.request) // named by a file on disk (maybe an import or a colleague's): the user confirms before upload
      return saved
    },
    'collection:save-request': ({ folder, path, parent, request }) => {
      // Otherwise a page could launder a path it names: save it into a collection, then read it back as "from disk".
      grants.checkSave(request.request)
      return core.collections.saveRequest(open.require(folder), path === undefined ? { folder: parent, request } : { path, request })
    },
    'collection:rename-request': ({ folder, path, name }) => core.collections.renameRequest(open.require(folder), path, name),
    'collection:duplicate-request': ({ folder, path }) => core.collections.duplicateRequest(open.require(folder), path),
    'collection:delete-request': ({ folder, path }) => core.collections.deleteRequest(open.require(folder), path),
    'collection:create-folder': ({ folder, parent, name }) => core.collections.createFolder(open.require(folder), parent, name),
    'collection:rename-folder': ({ folder, path, name }) => core.collections.renameFolder(open.require(folder), path, name),
    'collection:delete-folder': ({ folder, path }) => core.collections.deleteFolder(open.require(folder), path),
    'collection:move-request': ({ folder, path, toFolder, index }) => core.collections.moveRequest(open.require(folder), path, toFolder, index),
    'collection:import-postman': async () => {
      const file = await dialogs(platform).pickImportFile('postman')
      const folder = file === null ? null : await dialogs(platform).pickFolder('import-target')
      return file === null || folder === null ? null : importPostmanFile(core.collections, open, file, folder)
    },
    'collection:export-postman': async ({ folder, path }) => {
      const root = open.require(folder)
      const target = await dialogs(platform).pickSavePath('export', `${exportName(root, path)}.postman_collection.json`)
      return target === null ? { path: null, replacedSecrets: 0, warnings: [] } : exportPostmanFile(core.collections, root, path, target)
    },
    'collection:export-har': async ({ folder, path, environmentId }) => {
      const root = open.require(folder)
      const environment = environmentId === null ? null : core.environments.get(environmentId)
      const target = await dialogs(platform).pickSavePath('export', `${exportName(root, path)}.har`)
      return target === null ? { path: null, replacedSecrets: 0, warnings: [] } : exportHarFile(core.collections, root, path, environment, target)
    }
  }
}
