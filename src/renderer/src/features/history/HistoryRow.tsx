import { useState } from 'react'
import type { HistorySummary } from '@shared/collections/history-entry'
import { formatCount, formatUtc } from '@shared/format/human'
import { splitUrl, statusClass, timeOfDay } from '@shared/collections/history-rows'
import { RunPages } from './RunPages'
import type { History } from './useHistory'
import { useRunPages } from './useRunPages'

const STOP: Record<NonNullable<HistorySummary['run']>['stopReason'], string> = {
  'one-page': 'one page', 'caught-up': 'caught up', 'end-time': 'end time reached', cancelled: 'cancelled', failed: 'failed'
}

/** The path with break chances after "/", "?" and "&", so a narrow sidebar wraps it between segments, never hides it. */
function BreakablePath({ path }: { path: string }): React.JSX.Element {
  const parts = path.split(/(?<=[/?&])/)
  return <>{parts.map((part, i) => <span key={i}>{part}{i < parts.length - 1 && <wbr />}</span>)}</>
}

interface Props {
  item: HistorySummary
  history: History
  onOpen(id: string): void
}

/** One history entry: method, the path whole, status, time, then host and environment; an iterator run folds its pages. */
export function HistoryRow({ item, history, onOpen }: Props): React.JSX.Element {
  const [expanded, setExpanded] = useState(false)
  const run = useRunPages(history, item.id, expanded)
  const { host, path } = splitUrl(item.url)
  const kind = statusClass(item)
  return (
    <li data-testid="history-item" data-status-class={kind} className="history-row">
      <input type="checkbox" aria-label={`Select ${item.method} ${path}`} data-testid="history-select"
        checked={history.selected.has(item.id)} onChange={() => history.toggle(item.id)} />
      <button type="button" className="history-open" title={`${item.method} ${item.url}\n${formatUtc(item.time)}`} onClick={() => onOpen(item.id)}>
        <span className="history-line">
          <span className={`method method-${item.method.toLowerCase()}`}>{item.method}</span>
          <span className="history-path" data-testid="history-path"><BreakablePath path={path} /></span>
          <span className={`history-status status-${kind}`} data-testid="history-status">{item.status ?? 'error'}</span>
        </span>
        <span className="history-meta">
          <span data-testid="history-time">{timeOfDay(item.time)}</span>
          {item.status === null && item.errorCode && <span className="history-error-code">{item.errorCode}</span>}
          {host && <span className="history-host" data-testid="history-host">{host}</span>}
          {item.environmentName && <span className="history-env" data-testid="history-env">{item.environmentName}</span>}
          {item.durationMs !== null && <span>{formatCount(item.durationMs)} ms</span>}
        </span>
        {item.run && (
          <span className="history-run" data-testid="history-run">
            Iterator run · {formatCount(item.run.pages)} {item.run.pages === 1 ? 'page' : 'pages'} · {formatCount(item.run.records)} records · {STOP[item.run.stopReason]}
          </span>
        )}
      </button>
      {item.run && (
        <button type="button" className="link-button history-expand" aria-expanded={expanded} data-testid="history-run-toggle"
          onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Hide pages' : 'Pages'}
        </button>
      )}
      {item.run && expanded && <RunPages run={run} />}
    </li>
  )
}
