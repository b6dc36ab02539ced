import { useMemo, useState } from 'react'
import type { IteratorPagePreview } from '@shared/iterator/iterator-model'
import { formatCount, humanEpoch } from '@shared/format/human'

const PAGE_ROWS = 10
const MAX_COLUMNS = 8
const cell = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/** One value as text; an epoch field (timestamp, _insertion_epoch_timestamp, ...) gets its UTC time beside it. */
function Cell({ name, value }: { name: string; value: unknown }): React.JSX.Element {
  const text = cell(value).slice(0, 200)
  const human = humanEpoch(name, value)
  if (human === null) return <td title={text}>{text}</td>
  return (
    <td title={`${text} = ${human}`}>
      {text} <span className="epoch-human" data-testid="epoch-human">{human}</span>
    </td>
  )
}

/** The last page's preview records, a few columns wide, paged 10 rows at a time. Values render as text only. */
export function RecordsTable({ page }: { page: IteratorPagePreview | null }): React.JSX.Element | null {
  const [offset, setOffset] = useState(0)
  const records = page?.records
  const columns = useMemo(() => {
    const keys = new Set<string>()
    for (const record of records ?? []) for (const key of Object.keys(record)) keys.add(key)
    return [...keys].slice(0, MAX_COLUMNS)
  }, [records])
  if (!page || !records) return null
  const start = Math.min(offset, Math.max(0, records.length - 1))
  const rows = records.slice(start, start + PAGE_ROWS)
  return (
    <div className="iterator-records">
      <div className="body-toolbar">
        <span data-testid="iterator-page-line">
          Page {formatCount(page.page)}: {formatCount(page.totalRecords)} {page.totalRecords === 1 ? 'record' : 'records'} (showing {records.length === 0 ? 0 : start + 1}-{start + rows.length} of the
          first {formatCount(records.length)})
        </span>
        <button type="button" disabled={start === 0} onClick={() => setOffset(Math.max(0, start - PAGE_ROWS))}>Previous</button>
        <button type="button" disabled={start + PAGE_ROWS >= records.length} onClick={() => setOffset(start + PAGE_ROWS)}>Next</button>
      </div>
      <table data-testid="iterator-records">
        <thead><tr>{columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
        <tbody>
          {rows.map((record, i) => (
            <tr key={start + i}>{columns.map((column) => <Cell key={column} name={column} value={record[column]} />)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
