import { formatCount, formatUtc } from '@shared/format/human'
import type { IteratorRunState } from './useIterator'

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`

const STOP_TEXT = { 'one-page': 'One page fetched.', 'caught-up': 'Caught up.', 'end-time': 'Reached the end time.', cancelled: 'Cancelled.' }

/** Live counters, a progress bar (determinate for time-bounded pulls), and the outcome of the run. */
export function IteratorProgressView({ state }: { state: IteratorRunState }): React.JSX.Element | null {
  const { progress, summary, error, running } = state
  if (!progress && !summary && !error) return null
  return (
    <div className="iterator-progress" data-testid="iterator-progress">
      {progress && (
        <>
          <progress
            data-testid="iterator-progress-bar"
            max={1}
            {...(progress.fraction === null ? (running ? {} : { value: 1 }) : { value: progress.fraction })}
          />
          <span className="status-line">
            <span data-testid="iterator-pages">{formatCount(progress.pages)} pages</span>
            <span data-testid="iterator-record-count">{formatCount(progress.records)} records</span>
            <span>{formatBytes(progress.bytes)}</span>
            <span>{formatCount(progress.recordsPerSecond)} records/s</span>
            {progress.timestampHwm !== null && (
              <span data-testid="iterator-hwm" title={`timestamp_hwm ${progress.timestampHwm}`}>
                up to {formatUtc(progress.timestampHwm)} <span className="muted">({progress.timestampHwm})</span>
              </span>
            )}
            {progress.fraction !== null && <span>{Math.round(progress.fraction * 100)}% of the time range</span>}
          </span>
          {running && progress.detail && <span className="muted">{progress.detail}</span>}
        </>
      )}
      {summary && (
        <p data-testid="iterator-summary">
          {STOP_TEXT[summary.stopReason]} {formatCount(summary.records)} records in {formatCount(summary.pages)} pages.
          {summary.timestampHwm !== null && <> Up to {formatUtc(summary.timestampHwm)}.</>}
          {summary.exportPath && <> Exported to <code>{summary.exportPath}</code>.</>}
          {summary.notes.map((note) => <span key={note} className="muted"> {note}</span>)}
        </p>
      )}
      {error && (
        <div className="error-panel" role="alert" data-testid="iterator-error">
          <p className="error-message">{error.message}</p>
          {error.hint && <p className="error-hint">{error.hint}</p>}
        </div>
      )}
    </div>
  )
}
