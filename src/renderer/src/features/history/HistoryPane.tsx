import type { History } from './useHistory'

interface Props {
  history: History
  onOpen(id: string): void
}

function when(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString()
}

/** Every sent request, newest first, searchable by method, URL or status; click re-opens it in the editor. */
export function HistoryPane({ history, onOpen }: Props): React.JSX.Element {
  return (
    <div className="history-pane" data-testid="history">
      <div className="pane-toolbar">
        <input
          type="search"
          aria-label="Search history"
          placeholder="Search method, URL or status"
          value={history.text}
          onChange={(event) => history.setText(event.target.value)}
        />
        <button type="button" onClick={history.clear} disabled={history.total === 0}>
          Clear
        </button>
      </div>
      {history.error && (
        <p className="collection-message error" role="alert">
          {history.error}
        </p>
      )}
      <p className="muted" role="status">
        {history.total} {history.total === 1 ? 'request' : 'requests'}
      </p>
      <ul className="history-list">
        {history.items.map((item) => (
          <li key={item.id} data-testid="history-item">
            <button type="button" className="collection-open" title={item.url} onClick={() => onOpen(item.id)}>
              <span className={`method method-${item.method.toLowerCase()}`}>{item.method}</span>{' '}
              <span className={item.status !== null && item.status < 400 ? 'status-ok' : 'status-bad'}>{item.status ?? item.errorCode}</span>{' '}
              <span className="history-url">{item.url}</span> <span className="muted">{when(item.time)}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  )
}
