import { useState } from 'react'
import type { OpenCollection } from './useCollections'

interface Props {
  collections: OpenCollection[]
  defaultName: string
  onSave(folder: string, name: string): void
  onCancel(): void
}

/** "Save as": a name and the collection to save the current request into. */
export function SaveForm({ collections, defaultName, onSave, onCancel }: Props): React.JSX.Element {
  const usable = collections.filter((entry) => entry.tree !== null)
  const [name, setName] = useState(defaultName)
  const [folder, setFolder] = useState(usable[0]?.folder ?? '')
  if (usable.length === 0) {
    return (
      <p className="collection-message" role="status">
        Open or create a collection first, then add the request to it.{' '}
        <button type="button" onClick={onCancel}>
          OK
        </button>
      </p>
    )
  }
  return (
    <form
      className="save-form"
      aria-label="Add request to a collection"
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim() !== '' && folder !== '') onSave(folder, name.trim())
      }}
    >
      <label>
        Name
        <input aria-label="Request name" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
      </label>
      <label>
        Collection
        <select aria-label="Collection" value={folder} onChange={(event) => setFolder(event.target.value)}>
          {usable.map((entry) => (
            <option key={entry.folder} value={entry.folder}>
              {entry.tree?.name ?? entry.folder}
            </option>
          ))}
        </select>
      </label>
      <div className="save-form-buttons">
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Add to collection
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
