import type { ExportFormat, IteratorMode } from '@shared/iterator/iterator-model'
import { toEpoch, TYPES, type IteratorForm, type OperationChoice } from '@shared/iterator/iterator-form'
import { formatUtc } from '@shared/format/human'

interface Props {
  form: IteratorForm
  running: boolean
  onChange(patch: Partial<IteratorForm>): void
  onPickExport(): void
}

const OPERATIONS: Array<[OperationChoice, string]> = [
  ['next', 'next'], ['head', 'head (oldest)'], ['tail', 'tail (newest)'], ['resend', 'resend last page'],
  ['resume', 'resume from saved position'], ['date', 'from a date/time']
]
const MODES: Array<[IteratorMode, string]> = [['one-page', 'One page'], ['until-caught-up', 'Until caught up'], ['follow', 'Follow (until stopped)']]

/** The epoch a date field sends and its UTC time, beside the local-time picker (the tenant and its records use UTC). */
function EpochNote({ local, testId }: { local: string; testId: string }): React.JSX.Element | null {
  const epoch = toEpoch(local)
  if (epoch === null) return null
  return <span className="muted epoch-note" data-testid={testId}>{epoch} = {formatUtc(epoch)}</span>
}

/** Endpoint, index, operation, mode, end time and export file of an iterator run. */
export function IteratorControls({ form, running, onChange, onPickExport }: Props): React.JSX.Element {
  return (
    <fieldset className="settings-form" disabled={running} data-testid="iterator-controls">
      <label>
        Stream{' '}
        <select value={form.kind} onChange={(e) => onChange({ kind: e.target.value === 'events' ? 'events' : 'alerts', type: TYPES[e.target.value === 'events' ? 'events' : 'alerts'][0] })}>
          <option value="alerts">alerts</option>
          <option value="events">events</option>
        </select>
      </label>
      <label>
        Type{' '}
        <select value={form.type} data-testid="iterator-type" onChange={(e) => onChange({ type: e.target.value })}>
          {TYPES[form.kind].map((type) => <option key={type} value={type}>{type}</option>)}
        </select>
      </label>
      <label>
        Index <input value={form.index} data-testid="iterator-index" onChange={(e) => onChange({ index: e.target.value })} />
      </label>
      <label>
        Operation{' '}
        <select value={form.operation} data-testid="iterator-operation" onChange={(e) => onChange({ operation: e.target.value as OperationChoice })}>
          {OPERATIONS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      {form.operation === 'date' && (
        <label>
          From <input type="datetime-local" value={form.from} data-testid="iterator-from" onChange={(e) => onChange({ from: e.target.value })} />{' '}
          <EpochNote local={form.from} testId="iterator-from-epoch" />
        </label>
      )}
      <label>
        Mode{' '}
        <select value={form.mode} data-testid="iterator-mode" onChange={(e) => onChange({ mode: e.target.value as IteratorMode })}>
          {MODES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label>
        Stop after (optional) <input type="datetime-local" value={form.until} onChange={(e) => onChange({ until: e.target.value })} />{' '}
        <EpochNote local={form.until} testId="iterator-until-epoch" />
      </label>
      <label>
        Export as{' '}
        <select value={form.format} data-testid="iterator-format" onChange={(e) => onChange({ format: e.target.value as ExportFormat, exportPath: null })}>
          <option value="ndjson">NDJSON</option>
          <option value="json">JSON array</option>
          <option value="csv">CSV</option>
        </select>
      </label>
      <span className="file-cell">
        <button type="button" data-testid="iterator-export" onClick={onPickExport}>Export to file…</button>
        <span className="file-name" data-testid="iterator-export-path">{form.exportPath ?? 'no export (preview only)'}</span>
        {form.exportPath !== null && <button type="button" className="link-button" onClick={() => onChange({ exportPath: null })}>clear</button>}
      </span>
    </fieldset>
  )
}
