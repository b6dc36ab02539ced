import { useState } from 'react'
import type { CollectionNode } from '@shared/collections/saved-request'
import { FolderRow } from './FolderRow'

interface Props {
  folder: string
  nodes: CollectionNode[]
  currentPath: string | null
  onOpen(path: string): void
  onRename(path: string, name: string): void
  onDuplicate(path: string): void
  onDelete(path: string): void
  onExportHar(path: string): void
  /** Every folder of the collection ('' = root), for "Move to". */
  folders: Array<{ path: string; label: string }>
  onMove(path: string, toFolder: string): void
  onAddFolder(parent: string, name: string): void
  onRenameFolder(path: string, name: string): void
  onDeleteFolder(path: string): void
}

/** Folders and requests of one collection; a request opens into the editor on click. */
export function CollectionTreeView(props: Props): React.JSX.Element {
  return (
    <ul className="collection-tree" role="group">
      {props.nodes.map((node) =>
        node.type === 'folder' ? (
          <FolderRow
            key={node.path}
            name={node.name}
            onRename={(name) => props.onRenameFolder(node.path, name)}
            onDelete={() => props.onDeleteFolder(node.path)}
            onAddFolder={(name) => props.onAddFolder(node.path, name)}
          >
            <CollectionTreeView {...props} nodes={node.children} />
          </FolderRow>
        ) : (
          <RequestRow key={node.path} {...props} node={node} />
        )
      )}
    </ul>
  )
}

function RequestRow(props: Props & { node: Extract<CollectionNode, { type: 'request' }> }): React.JSX.Element {
  const { node } = props
  const [editing, setEditing] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [moving, setMoving] = useState(false)
  const selected = props.currentPath === node.path
  if (editing !== null) {
    return (
      <li className="collection-request">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (editing.trim() !== '') props.onRename(node.path, editing.trim())
            setEditing(null)
          }}
        >
          <input aria-label="New name" value={editing} autoFocus onChange={(event) => setEditing(event.target.value)} onBlur={() => setEditing(null)} />
        </form>
      </li>
    )
  }
  const here = node.path.includes('/') ? node.path.slice(0, node.path.lastIndexOf('/')) : ''
  if (moving) {
    return (
      <li className="collection-request">
        <select
          aria-label={`Move ${node.name} to folder`}
          autoFocus
          value={here}
          onChange={(event) => {
            setMoving(false)
            if (event.target.value !== here) props.onMove(node.path, event.target.value)
          }}
          onBlur={() => setMoving(false)}
          onKeyDown={(event) => event.key === 'Escape' && setMoving(false)}
        >
          {props.folders.map((folder) => (
            <option key={folder.path} value={folder.path}>
              {folder.label}
            </option>
          ))}
        </select>
      </li>
    )
  }
  return (
    <li className={selected ? 'collection-request selected' : 'collection-request'} data-testid="collection-request">
      <button type="button" className="collection-open" title={node.url} aria-current={selected} onClick={() => props.onOpen(node.path)}>
        <span className={`method method-${node.method.toLowerCase()}`}>{node.method}</span> {node.name}
      </button>
      <span className="collection-actions">
        <button type="button" title="Rename" aria-label={`Rename ${node.name}`} onClick={() => setEditing(node.name)}>
          ✎
        </button>
        <button type="button" title="Duplicate" aria-label={`Duplicate ${node.name}`} onClick={() => props.onDuplicate(node.path)}>
          ⧉
        </button>
        <button type="button" title="Move to another folder" aria-label={`Move ${node.name}`} onClick={() => setMoving(true)} disabled={props.folders.length < 2}>
          ⇄
        </button>
        <button type="button" title="Export as HAR" aria-label={`Export ${node.name} as HAR`} onClick={() => props.onExportHar(node.path)}>
          HAR
        </button>
        {confirming ? (
          <button type="button" className="danger" aria-label={`Confirm delete ${node.name}`} onClick={() => props.onDelete(node.path)} onBlur={() => setConfirming(false)}>
            Delete?
          </button>
        ) : (
          <button type="button" title="Delete" aria-label={`Delete ${node.name}`} onClick={() => setConfirming(true)}>
            ✕
          </button>
        )}
      </span>
    </li>
  )
}

/** Every folder path of a tree with an indented label, root first, for the "Move to" list. */
export function folderChoices(nodes: CollectionNode[], rootLabel: string): Array<{ path: string; label: string }> {
  const out = [{ path: '', label: rootLabel }]
  const walk = (children: CollectionNode[], depth: number): void => {
    for (const child of children) {
      if (child.type !== 'folder') continue
      out.push({ path: child.path, label: `${'\u00a0\u00a0'.repeat(depth)}${child.name}` })
      walk(child.children, depth + 1)
    }
  }
  walk(nodes, 1)
  return out
}
