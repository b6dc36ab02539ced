import { SCOPE_PROBE_INDEX, type ScopeRow, type ScopeStatus } from '@shared/iterator/scope-plan'

const STATUS_TEXT: Record<ScopeStatus, string> = { granted: 'granted', missing: 'missing', unknown: 'unknown', 'token-invalid': 'token invalid' }

/** The checker's answer: one row per scope path, Read and Write halves with the reason for each. */
export function ScopeTable({ rows }: { rows: ScopeRow[] }): React.JSX.Element {
  const count = (status: ScopeStatus): number => rows.filter((r) => r.overall === status).length
  return (
    <div className="iterator-records">
      <p className="muted" data-testid="scope-summary">
        {count('granted')} granted, {count('missing')} missing, {count('unknown')} unknown{count('token-invalid') > 0 ? `, ${count('token-invalid')} token invalid` : ''}.
        Data Export paths are probed with their own index ({SCOPE_PROBE_INDEX}) from the current second, so no consumer&apos;s position moves.
      </p>
      <table data-testid="scope-table">
        <thead>
          <tr><th>Path</th><th>Needs</th><th>Modules</th><th>Read</th><th>Write</th><th>Result</th></tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.path} data-testid="scope-row" data-path={row.path} data-status={row.overall}>
              <td title={row.operations.join('\n')}>{row.path}</td>
              <td>{row.privilege}</td>
              <td>{row.modules.join(', ')}</td>
              <td title={row.read.reason}>{STATUS_TEXT[row.read.status]}: {row.read.reason}</td>
              <td title={row.write?.reason}>{row.write ? `${STATUS_TEXT[row.write.status]}: ${row.write.reason}` : '—'}</td>
              <td className={`scope-${row.overall}`}>{STATUS_TEXT[row.overall]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
