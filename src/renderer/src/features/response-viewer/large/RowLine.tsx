import type { BodyRow } from '@shared/model/body-view'
import type { Mark } from './row-matches'

/** One row of a large body: gutter (line number, or ↪ on a folded continuation), text, and search marks. */
export function RowLine({ row, data, marks }: { row: number; data: BodyRow | undefined; marks: Mark[] }): React.JSX.Element {
  const text = data?.text ?? ''
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [index, mark] of marks.entries()) {
    if (mark.start > at) parts.push(text.slice(at, mark.start))
    parts.push(
      <mark key={index} className={mark.current ? 'current' : undefined} data-testid={mark.current ? 'current-match' : undefined}>
        {text.slice(mark.start, mark.end)}
      </mark>
    )
    at = mark.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return (
    <div className="large-body-row" data-row={row} data-testid="large-body-row">
      <span className="large-body-gutter" aria-hidden="true">
        {data === undefined ? '' : data.line === null ? '↪' : data.line}
      </span>
      <span className={data === undefined ? 'large-body-text loading' : 'large-body-text'}>{parts}</span>
    </div>
  )
}
