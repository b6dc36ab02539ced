import { useCallback, useState } from 'react'
import type { BodyMatch, BodyViewMode } from '@shared/model/body-view'
import type { SendResult } from '@shared/model/response'
import { formatBytes } from '../format'
import { BodySearchBar } from './BodySearchBar'
import { RowLine } from './RowLine'
import { RowViewport } from './RowViewport'
import { SaveBodyButton } from './SaveBodyButton'
import { marksFor } from './row-matches'
import { useBodyRows } from './useBodyRows'
import { useBodySearch } from './useBodySearch'
import './large-body.css'

/**
 * A body too large for the editor: main indexes it (and re-indents JSON into a temp copy), the renderer shows only
 * the rows in view, search runs in main over the file, and Save copies the file in main. The renderer holds a
 * window of a few hundred rows and the match positions, never the body.
 */
export function LargeBody({ result }: { result: SendResult }): React.JSX.Element {
  const [asked, setAsked] = useState<BodyViewMode>('pretty')
  const [top, setTop] = useState(0)
  const [visible, setVisible] = useState(40)
  const rows = useBodyRows(result.responseId, asked, Math.floor(top), visible)
  const jump = useCallback((match: BodyMatch) => setTop(Math.max(0, match.row - Math.floor(visible / 3))), [visible])
  const search = useBodySearch(result.responseId, rows.mode, jump)
  const current = search.matches[search.current]

  const choose = (mode: BodyViewMode): void => {
    setAsked(mode)
    setTop(0)
  }
  const progress = rows.done || rows.totalBytes === 0 ? '' : ` · indexing ${Math.floor((rows.indexedBytes / rows.totalBytes) * 100)}%`
  return (
    <div className="large-body" data-testid="large-body">
      <div className="body-toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" aria-pressed={rows.mode === 'pretty'} onClick={() => choose('pretty')}>
            Pretty
          </button>
          <button type="button" aria-pressed={rows.mode === 'raw'} onClick={() => choose('raw')}>
            Raw
          </button>
        </div>
        <span className="muted" data-testid="large-body-status">
          {formatBytes(result.sizes.decodedBytes)} · {rows.totalRows.toLocaleString('en-US')} rows{progress} · large body: shown in windows
        </span>
        <SaveBodyButton responseId={result.responseId} />
      </div>
      <BodySearchBar search={search} />
      {rows.error && (
        <p className="inline-error" role="alert">
          Could not read the body: {rows.error}
        </p>
      )}
      <RowViewport
        totalRows={rows.totalRows}
        top={top}
        onTop={setTop}
        onVisibleRows={setVisible}
        label="Response body"
        renderRow={(row) => {
          const data = rows.rowAt(row)
          return <RowLine key={row} row={row} data={data} marks={data ? marksFor(data.text, row, search.matches, current) : []} />
        }}
      />
    </div>
  )
}
