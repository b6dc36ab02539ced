import { useMemo } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import type { CollectionNode } from '@shared/collections/saved-request'
import type { Environment } from '@shared/model/environment'
import type { LoadedCatalog } from '../catalog/load-builtin'
import type { OpenCollection } from '../collections/useCollections'
import { displayKeys } from '../../ui/keymap'
import type { PaletteItem } from './palette-items'

interface Sources {
  catalogs: readonly LoadedCatalog[]
  collections: readonly OpenCollection[]
  environments: readonly Environment[]
  onOperation(op: CatalogOperation): void
  onSaved(folder: string, path: string): void
  onEnvironment(id: string): void
  commands: Record<'newTab' | 'closeTab' | 'toggleSidebar' | 'toggleOrientation' | 'auth' | 'settings' | 'snippet' | 'shortcuts' | 'showCatalog' | 'showCollections' | 'showHistory', () => void>
}

const COMMANDS: ReadonlyArray<{ id: keyof Sources['commands']; label: string; keys?: string }> = [
  { id: 'newTab', label: 'New request tab', keys: 'Mod+T' },
  { id: 'closeTab', label: 'Close tab', keys: 'Mod+W' },
  { id: 'auth', label: 'Open Auth (credentials of the environment)' },
  { id: 'settings', label: 'Open Settings' },
  { id: 'snippet', label: 'Show snippet (Python / cURL)' },
  { id: 'toggleSidebar', label: 'Show or hide the sidebar', keys: 'Mod+B' },
  { id: 'toggleOrientation', label: 'Stack or split request and response' },
  { id: 'showCatalog', label: 'Show Catalog' },
  { id: 'showCollections', label: 'Show Collections' },
  { id: 'showHistory', label: 'Show History' },
  { id: 'shortcuts', label: 'Keyboard shortcuts', keys: 'Mod+/' }
]

function savedRequests(nodes: readonly CollectionNode[], folder: string, collection: string, out: PaletteItem[], open: Sources['onSaved']): void {
  for (const node of nodes) {
    if (node.type === 'folder') savedRequests(node.children, folder, collection, out, open)
    else out.push({ id: `saved:${folder}:${node.path}`, group: 'Saved requests', label: node.name, detail: `${node.method} · ${collection}/${node.path}`, keywords: node.url, run: () => open(folder, node.path) })
  }
}

/** Everything the command palette offers, rebuilt when the catalogs, collections or environments change. */
export function usePaletteItems(sources: Sources): PaletteItem[] {
  const { catalogs, collections, environments, onOperation, onSaved, onEnvironment, commands } = sources
  const operations = useMemo(
    () =>
      catalogs.flatMap((catalog) =>
        catalog.operations.map((op): PaletteItem => ({
          id: `op:${op.id}`,
          group: 'Operations',
          label: op.summary || `${op.method} ${op.path}`,
          detail: `${op.method} ${op.path}`,
          keywords: `${catalog.title} ${op.tags.join(' ')} ${op.operationId ?? ''}`,
          run: () => onOperation(op)
        }))
      ),
    [catalogs, onOperation]
  )
  return useMemo(() => {
    const saved: PaletteItem[] = []
    for (const collection of collections) if (collection.tree) savedRequests(collection.tree.root.children, collection.folder, collection.tree.name, saved, onSaved)
    const envs = environments.map((environment): PaletteItem => ({ id: `env:${environment.id}`, group: 'Environments', label: environment.name, detail: environment.baseUrl, keywords: `environment ${environment.api}`, run: () => onEnvironment(environment.id) }))
    const actions = COMMANDS.map((command): PaletteItem => ({ id: `cmd:${command.id}`, group: 'Commands', label: command.label, ...(command.keys ? { detail: displayKeys(command.keys) } : {}), run: commands[command.id] }))
    return [...actions, ...operations, ...saved, ...envs]
  }, [collections, environments, operations, onSaved, onEnvironment, commands])
}
