import { useState, type ReactNode } from 'react'

interface Props {
  name: string
  onRename(name: string): void
  onDelete(): void
  onAddFolder(name: string): void
  children: ReactNode
}

/** A folder in a collection: its name with rename / new sub-folder / delete, then its entries. */
export function FolderRow({ name, onRename, onDelete, onAddFolder, children }: Props): React.JSX.Element {
  const [editing, setEditing] = useState<{ mode: 'rename' | 'add'; text: string } | null>(null)
  const [confirming, setConfirming] = useState(false)
  return (
    <li className="collection-folder">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            const text = editing.text.trim()
            if (text !== '') (editing.mode === 'rename' ? onRename : onAddFolder)(text)
            setEditing(null)
          }}
        >
          <input
            aria-label={editing.mode === 'rename' ? 'New folder name' : 'Sub-folder name'}
            value={editing.text}
            autoFocus
            onChange={(event) => setEditing({ ...editing, text: event.target.value })}
            onBlur={() => setEditing(null)}
          />
        </form>
      ) : (
        <div className="collection-request">
          <span className="collection-folder-name">📁 {name}</span>
          <span className="collection-actions">
            <button type="button" aria-label={`Rename folder ${name}`} onClick={() => setEditing({ mode: 'rename', text: name })}>
              ✎
            </button>
            <button type="button" aria-label={`New folder in ${name}`} onClick={() => setEditing({ mode: 'add', text: '' })}>
              +
            </button>
            {confirming ? (
              <button type="button" className="danger" aria-label={`Confirm delete folder ${name}`} onClick={onDelete} onBlur={() => setConfirming(false)}>
                Delete all?
              </button>
            ) : (
              <button type="button" aria-label={`Delete folder ${name}`} onClick={() => setConfirming(true)}>
                ✕
              </button>
            )}
          </span>
        </div>
      )}
      {children}
    </li>
  )
}
