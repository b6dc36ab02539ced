import type { CollectionTree } from '@shared/collections/saved-request'
import type { HostDialogs } from '../ports/platform-port'
import type { OpenCollections } from './open-collections'
import type { CollectionRepository } from './repository'

/** Opens an existing collection folder chosen in main's folder dialog; null when cancelled. */
export async function openPickedCollection(dialogs: HostDialogs, open: OpenCollections): Promise<CollectionTree | null> {
  const folder = await dialogs.pickFolder('open-collection')
  return folder === null ? null : open.add(folder)
}

/** Creates a collection in a folder chosen in main's folder dialog and opens it; null when cancelled. */
export async function createPickedCollection(
  dialogs: HostDialogs,
  collections: CollectionRepository,
  open: OpenCollections,
  name: string
): Promise<CollectionTree | null> {
  const folder = await dialogs.pickFolder('new-collection')
  if (folder === null) return null
  await collections.create(folder, name)
  return open.add(folder)
}
