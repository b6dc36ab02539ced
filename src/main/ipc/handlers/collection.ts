import type { AppCore } from '../../core/app-core'
import type { FileGrants } from '../../core/file-grants'
import type { PlatformPort } from '../../core/ports/platform-port'
import type { DomainHandlers } from '../dispatch'
import { hostDialogs } from '../../core/ports/platform-port'
import { createCollectionTransfer } from '../../core/collections/transfer'
import { createPickedCollection, openPickedCollection } from '../../core/collections/collection-picker'

export function collectionHandlers(core: AppCore, platform: PlatformPort, grants: FileGrants): DomainHandlers<'collection'> {
  const { collections } = core
  const open = core.openCollections
  const dialogs = hostDialogs(platform)
  const transfer = createCollectionTransfer({ collections, open, environmentOf: (id) => core.environments.get(id) }, dialogs)
  return {
    'collection:list': () => open.list(),
    'collection:open': async () => ({ tree: await openPickedCollection(dialogs, open) }),
    'collection:create': async ({ name }) => ({ tree: await createPickedCollection(dialogs, collections, open, name) }),
    'collection:close': async ({ folder }) => ({ closed: await open.remove(folder) }),
    'collection:read-request': async ({ folder, path }) => {
      const saved = await collections.readRequest(open.require(folder), path)
      grants.offerFrom(saved.request) // named by a file on disk (maybe an import or a colleague's): the user confirms before upload
      return saved
    },
    'collection:save-request': ({ folder, path, parent, request }) => {
      // Otherwise a page could launder a path it names: save it into a collection, then read it back as "from disk".
      grants.checkSave(request.request)
      return collections.saveRequest(open.require(folder), path === undefined ? { folder: parent, request } : { path, request })
    },
    'collection:rename-request': ({ folder, path, name }) => collections.renameRequest(open.require(folder), path, name),
    'collection:duplicate-request': ({ folder, path }) => collections.duplicateRequest(open.require(folder), path),
    'collection:delete-request': ({ folder, path }) => collections.deleteRequest(open.require(folder), path),
    'collection:create-folder': ({ folder, parent, name }) => collections.createFolder(open.require(folder), parent, name),
    'collection:rename-folder': ({ folder, path, name }) => collections.renameFolder(open.require(folder), path, name),
    'collection:delete-folder': ({ folder, path }) => collections.deleteFolder(open.require(folder), path),
    'collection:move-request': ({ folder, path, toFolder, index }) => collections.moveRequest(open.require(folder), path, toFolder, index),
    'collection:import-postman': () => transfer.importPostman(),
    'collection:export-postman': ({ folder, path }) => transfer.exportPostman(folder, path),
    'collection:export-har': ({ folder, path, environmentId }) => transfer.exportHar(folder, path, environmentId)
  }
}
