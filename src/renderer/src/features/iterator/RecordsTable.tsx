import { useMemo, useState } from 'react'
import type { IteratorPagePreview } from '@shared/iterator/iterator-model'

const PAGE_ROWS = 10
const MAX_COLUMNS = 8
const cell = (value: unknown): string => (value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value))

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
        <span>Page {page.page}: {page.totalRecords} records (showing {records.length === 0 ? 0 : start + 1}-{start + rows.length} of the first {records.length})</span>
        <button type="button" disabled={start === 0} onClick={() => setOffset(Math.max(0, start - PAGE_ROWS))}>Previous</button>
        <button type="button" disabled={start + PAGE_ROWS >= records.length} onClick={() => setOffset(start + PAGE_ROWS)}>Next</button>
      </div>
      <table data-testid="iterator-records">
        <thead><tr>{columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
        <tbody>
          {rows.map((record, i) => (
            <tr key={start + i}>{columns.map((column) => <td key={column}>{cell(record[column]).slice(0, 200)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
