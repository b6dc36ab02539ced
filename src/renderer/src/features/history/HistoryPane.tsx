import { useEffect, useMemo } from 'react'
import { groupByDay } from '@shared/collections/history-rows'
import { HistoryFilters } from './HistoryFilters'
import { HistoryRow } from './HistoryRow'
import type { History } from './useHistory'
import './history.css'

interface Props {
  history: History
  onOpen(id: string): void
}

/**
 * Every sent request (and each iterator run, once), newest first, grouped by day; filtered by text, status class and
 * method; click re-opens it with its stored response; checked entries export as HAR.
 */
export function HistoryPane({ history, onOpen }: Props): React.JSX.Element {
  const { reload, items } = history
  // Runs and sends from other views land in history too: look again whenever the pane is shown.
  useEffect(reload, [reload])
  const groups = useMemo(() => groupByDay(items), [items])
  const selectedCount = items.filter((item) => history.selected.has(item.id)).length
  const allSelected = items.length > 0 && selectedCount === items.length
  return (
    <div className="history-pane" data-testid="history">
      <HistoryFilters history={history} />
      <div className="history-actions">
        <label className="history-select-all">
          <input type="checkbox" data-testid="history-select-all" checked={allSelected} disabled={items.length === 0}
            ref={(box) => {
              if (box) box.indeterminate = selectedCount > 0 && !allSelected
            }}
            onChange={history.toggleAll} />{' '}
          <span role="status">{history.total} {history.total === 1 ? 'request' : 'requests'}</span>
        </label>
        <button type="button" data-testid="history-export-har" onClick={history.exportHar} disabled={selectedCount === 0}>
          Export HAR{selectedCount > 0 ? ` (${selectedCount})` : ''}
        </button>
        <button type="button" onClick={history.clear} disabled={history.total === 0}>
          Clear
        </button>
      </div>
      {history.error && (
        <p className="collection-message error" role="alert">
          {history.error}
        </p>
      )}
      {history.note && <p className="muted history-note" data-testid="history-note">{history.note}</p>}
      {groups.map((group) => (
        <section key={group.key} className="history-day" aria-label={group.label} data-testid="history-day">
          <h3 className="history-day-label">{group.label}</h3>
          <ul className="history-list">
            {group.items.map((item) => <HistoryRow key={item.id} item={item} history={history} onOpen={onOpen} />)}
          </ul>
        </section>
      ))}
    </div>
  )
}
