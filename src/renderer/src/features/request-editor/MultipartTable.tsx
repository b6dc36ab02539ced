import { useState } from 'react'
import { call, toErrorShape } from '../../api/client'
import { emptyMultipartRow, type MultipartRow } from './request-draft'

interface Props {
  rows: MultipartRow[]
  onChange(rows: MultipartRow[]): void
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path
}

/** Multipart parts: text fields, and files chosen through the main-process dialog (the renderer never reads them). */
export function MultipartTable({ rows, onChange }: Props): React.JSX.Element {
  const [pickError, setPickError] = useState<string | null>(null)
  const update = (id: string, patch: Partial<MultipartRow>): void =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))

  const pick = async (id: string): Promise<void> => {
    setPickError(null)
    try {
      const { path } = await call('dialog:pick-file', { purpose: 'multipart' })
      if (path) update(id, { path })
    } catch (error) {
      setPickError(toErrorShape(error).message)
    }
  }

  return (
    <div className="kv-table" data-testid="multipart-table">
      {rows.length === 0 && <p className="muted">No parts.</p>}
      {rows.map((row, index) => (
        <div className="kv-row" key={row.id} data-testid="multipart-row">
          <input
            type="checkbox"
            checked={row.enabled}
            aria-label={`Send part ${index + 1}`}
            onChange={(event) => update(row.id, { enabled: event.target.checked })}
          />
          <input
            type="text"
            value={row.name}
            placeholder="name"
            aria-label={`part ${index + 1} name`}
            onChange={(event) => update(row.id, { name: event.target.value })}
          />
          {row.kind === 'text' ? (
            <input
              type="text"
              value={row.value}
              placeholder="value"
              aria-label={`part ${index + 1} value`}
              onChange={(event) => update(row.id, { value: event.target.value })}
            />
          ) : (
            <span className="file-cell">
              <button type="button" onClick={() => void pick(row.id)} aria-label={`Choose file for part ${index + 1}`}>
                Choose file…
              </button>
              <span className={row.path ? 'file-name' : 'muted'} title={row.path ?? undefined} data-testid="multipart-file">
                {row.path ? fileName(row.path) : 'no file chosen'}
              </span>
            </span>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove part ${index + 1}`}
            title="Remove"
            onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
          >
            ×
          </button>
        </div>
      ))}
      <div className="row-actions">
        <button type="button" className="link-button" onClick={() => onChange([...rows, emptyMultipartRow('text')])}>
          + Add text part
        </button>
        <button type="button" className="link-button" onClick={() => onChange([...rows, emptyMultipartRow('file')])}>
          + Add file part
        </button>
      </div>
      {pickError && (
        <p className="inline-error" role="alert">
          Could not open the file picker: {pickError}
        </p>
      )}
    </div>
  )
}
