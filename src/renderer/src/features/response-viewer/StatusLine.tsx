import type { SendResult } from '@shared/model/response'
import { formatBytes, formatMs, statusClass } from './format'

/** Status (coloured by class), time and sizes: wire vs decoded, and the content-encoding that explains the gap. */
export function StatusLine({ result }: { result: SendResult }): React.JSX.Element {
  const { status, statusText, timings, sizes, contentEncoding, httpVersion } = result
  return (
    <div className="status-line" data-testid="status-line">
      <span className={`status-badge status-${statusClass(status)}`} data-testid="status">
        {status} {statusText}
      </span>
      <span className="metric" data-testid="time">
        <span className="metric-label">Time</span> {formatMs(timings.totalMs)}
      </span>
      <span className="metric" data-testid="size" title={`Headers ${formatBytes(sizes.headerBytes)}`}>
        <span className="metric-label">Size</span> {formatBytes(sizes.wireBytes)} on the wire
        {(sizes.decodedBytes !== sizes.wireBytes || contentEncoding) && <> · {formatBytes(sizes.decodedBytes)} decoded</>}
        {contentEncoding && <> ({contentEncoding})</>}
      </span>
      <span className="metric muted">HTTP/{httpVersion}</span>
    </div>
  )
}
