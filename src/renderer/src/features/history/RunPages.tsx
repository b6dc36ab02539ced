import { formatCount, formatUtc, humanEpoch } from '@shared/format/human'
import type { IteratorRunLog } from '@shared/collections/history-entry'

const OUTCOME: Record<IteratorRunLog['pageList'][number]['outcome'], string> = {
  page: 'page', 'rate-limited': 'rate limited, retried', conflict: 'index busy, retried', 'server-error': 'server error, retried',
  broken: 'broke off, resent', failed: 'failed'
}

/** The pages of one iterator run, under its history row. */
export function RunPages({ run }: { run: IteratorRunLog | null }): React.JSX.Element {
  if (!run) return <p className="muted history-run-pages">Loading pages…</p>
  return (
    <div className="history-run-pages" data-testid="history-run-pages">
      <p className="muted">
        {run.endpoint} · index {run.index} · started {formatUtc(run.startedAt)}
        {run.timestampHwm !== null && <> · up to {formatUtc(run.timestampHwm)}</>}
      </p>
      <ol className="history-run-page-list">
        {run.pageList.map((page) => {
          const epoch = humanEpoch('timestamp', page.operation)
          return (
            <li key={page.attempt} data-testid="history-run-page" title={page.note ?? undefined}>
              <span className="history-run-page-head">
                #{page.attempt} <code>{page.operation}</code> → <strong>{page.status ?? '—'}</strong>
                {page.outcome !== 'page' && <span className="muted"> {OUTCOME[page.outcome]}</span>}
                {page.records !== null && <> · {formatCount(page.records)} {page.records === 1 ? 'record' : 'records'}</>} · {formatCount(page.durationMs)} ms
              </span>
              {epoch && <span className="muted history-run-page-epoch">from {epoch}</span>}
            </li>
          )
        })}
      </ol>
      {run.pagesOmitted > 0 && <p className="muted">{formatCount(run.pagesOmitted)} more pages in the middle were not kept.</p>}
    </div>
  )
}
