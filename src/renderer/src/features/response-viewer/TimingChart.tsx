import type { Timings } from '@shared/model/response'
import { formatMs } from './format'

const PHASES = [
  { key: 'dnsMs', label: 'DNS' },
  { key: 'connectMs', label: 'Connect' },
  { key: 'tlsMs', label: 'TLS' },
  { key: 'ttfbMs', label: 'TTFB' },
  { key: 'downloadMs', label: 'Download' }
] as const

/** Each phase as a share of one horizontal bar, with its duration labelled below; phases that did not happen show 0 ms. */
export function TimingChart({ timings }: { timings: Timings }): React.JSX.Element {
  const sum = PHASES.reduce((total, phase) => total + Math.max(0, timings[phase.key]), 0)
  const scale = Math.max(sum, timings.totalMs, 1)
  return (
    <figure className="timing-chart" data-testid="timing-chart" aria-label={`Timing breakdown, total ${formatMs(timings.totalMs)}`}>
      <div className="timing-bar" role="img" aria-hidden="true">
        {PHASES.map((phase) => {
          const value = Math.max(0, timings[phase.key])
          return value > 0 ? (
            <span
              key={phase.key}
              className={`timing-segment timing-${phase.key}`}
              style={{ width: `${(value / scale) * 100}%` }}
              title={`${phase.label}: ${formatMs(value)}`}
            />
          ) : null
        })}
      </div>
      <figcaption className="timing-legend">
        {PHASES.map((phase) => (
          <span key={phase.key} className="timing-label" data-testid={`timing-${phase.label.toLowerCase()}`}>
            <span className={`timing-swatch timing-${phase.key}`} aria-hidden="true" />
            {phase.label} <strong>{formatMs(timings[phase.key])}</strong>
          </span>
        ))}
        <span className="timing-label">
          Total <strong>{formatMs(timings.totalMs)}</strong>
        </span>
      </figcaption>
    </figure>
  )
}
