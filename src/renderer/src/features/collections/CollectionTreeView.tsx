import { useState } from 'react'
import type { CollectionNode } from '@shared/collections/saved-request'

interface Props {
  folder: string
  nodes: CollectionNode[]
  currentPath: string | null
  onOpen(path: string): void
  onRename(path: string, name: string): void
  onDuplicate(path: string): void
  onDelete(path: string): void
  onExportHar(path: string): void
}

/** Folders and requests of one collection; a request opens into the editor on click. */
export function CollectionTreeView(props: Props): React.JSX.Element {
  return (
    <ul className="collection-tree" role="group">
      {props.nodes.map((node) =>
        node.type === 'folder' ? (
          <li key={node.path} className="collection-folder">
            <span className="collection-folder-name">{node.name}</span>
            <CollectionTreeView {...props} nodes={node.children} />
          </li>
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
