import type { KeyValueRow } from '../features/request-editor/request-draft'
import { emptyRow } from '../features/request-editor/request-draft'

interface Props {
  /** Singular noun used in accessible names and the add button, e.g. "header". */
  noun: string
  rows: KeyValueRow[]
  onChange(rows: KeyValueRow[]): void
  testId: string
  namePlaceholder?: string
  valuePlaceholder?: string
}

/** Name/value rows with an enable checkbox; unticked rows are kept but not sent. */
export function KeyValueTable({ noun, rows, onChange, testId, namePlaceholder, valuePlaceholder }: Props): React.JSX.Element {
  const update = (id: string, patch: Partial<KeyValueRow>): void =>
    onChange(rows.map((row) => (row.id === id ? { ...row, ...patch } : row)))
  return (
    <div className="kv-table" data-testid={testId}>
      {rows.length === 0 && <p className="muted">No {noun}s.</p>}
      {rows.map((row, index) => (
        <div className="kv-row" key={row.id} data-testid={`${testId}-row`}>
          <input
            type="checkbox"
            checked={row.enabled}
            aria-label={`Send ${noun} ${index + 1}`}
            onChange={(event) => update(row.id, { enabled: event.target.checked })}
          />
          <input
            type="text"
            value={row.name}
            placeholder={namePlaceholder ?? 'name'}
            aria-label={`${noun} ${index + 1} name`}
            spellCheck={false}
            onChange={(event) => update(row.id, { name: event.target.value })}
          />
          <input
            type="text"
            value={row.value}
            placeholder={valuePlaceholder ?? 'value'}
            aria-label={`${noun} ${index + 1} value`}
            spellCheck={false}
            onChange={(event) => update(row.id, { value: event.target.value })}
          />
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${noun} ${index + 1}`}
            title="Remove"
            onClick={() => onChange(rows.filter((other) => other.id !== row.id))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-button" onClick={() => onChange([...rows, emptyRow()])}>
        + Add {noun}
      </button>
    </div>
  )
}
