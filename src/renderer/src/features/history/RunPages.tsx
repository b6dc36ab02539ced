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
      <table>
        <thead>
          <tr><th>#</th><th>Operation</th><th>Status</th><th>Records</th><th>Time</th></tr>
        </thead>
        <tbody>
          {run.pageList.map((page) => {
            const epoch = humanEpoch('timestamp', page.operation)
            return (
              <tr key={page.attempt} data-testid="history-run-page" title={page.note ?? undefined}>
                <td>{page.attempt}</td>
                <td>{page.operation}{epoch && <span className="muted"> ({epoch})</span>}</td>
                <td>{page.status ?? '—'}{page.outcome !== 'page' && <span className="muted"> {OUTCOME[page.outcome]}</span>}</td>
                <td>{page.records === null ? '—' : formatCount(page.records)}</td>
                <td>{formatCount(page.durationMs)} ms</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {run.pagesOmitted > 0 && <p className="muted">{formatCount(run.pagesOmitted)} more pages in the middle were not kept.</p>}
    </div>
  )
}
