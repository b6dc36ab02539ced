import { useState } from 'react'

/** The environment's name: Enter or leaving the field renames it, Escape puts the saved name back. */
export function EnvironmentNameField({ name, onRename }: { name: string; onRename(name: string): void }): React.JSX.Element {
  const [text, setText] = useState(name)
  const commit = (): void => {
    const value = text.trim()
    if (value === '' ) setText(name)
    else if (value !== name) onRename(value)
  }
  return (
    <label className="env-field env-name-field">
      <span>Environment name</span>
      <input
        value={text}
        maxLength={200}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit()
          if (event.key === 'Escape' && text !== name) {
            // Escape here undoes the edit; it does not also close the dialog.
            event.preventDefault()
            setText(name)
          }
        }}
      />
    </label>
  )
}
