import type { History, StatusFilter } from './useHistory'

const STATUSES: ReadonlyArray<[StatusFilter, string]> = [['', 'Any status'], ['2xx', '2xx'], ['3xx', '3xx'], ['4xx', '4xx'], ['5xx', '5xx'], ['error', 'Error (no response)']]
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']

/** Text, status class and method filters of the history list. */
export function HistoryFilters({ history }: { history: History }): React.JSX.Element {
  return (
    <div className="history-filters">
      <input
        type="search"
        aria-label="Search history"
        placeholder="Search method, URL or status"
        value={history.text}
        onChange={(event) => history.setText(event.target.value)}
      />
      <select aria-label="Filter by status" data-testid="history-status-filter" value={history.status}
        onChange={(event) => history.setStatus(event.target.value as StatusFilter)}>
        {STATUSES.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      <select aria-label="Filter by verb" data-testid="history-method-filter" value={history.method} onChange={(event) => history.setMethod(event.target.value)}>
        <option value="">Any method</option>
        {METHODS.map((method) => <option key={method} value={method}>{method}</option>)}
      </select>
    </div>
  )
}
