import type { CatalogRow } from './catalog-rows'

interface Props {
  row: Extract<CatalogRow, { kind: 'api' | 'tag' }>
  onToggle(key: string): void
  /** Imported catalogs only: show the import report again, or remove the catalog. */
  onReport(id: string): void
  onRemove(id: string): void
}

/** An API or tag header in the browse list; collapses its group. Imported API groups also offer Report and Remove. */
export function CatalogGroupHeader({ row, onToggle, onReport, onRemove }: Props): React.JSX.Element {
  const toggle = (
    <button
      type="button"
      className={row.kind === 'api' ? 'catalog-api' : 'catalog-tag'}
      aria-expanded={!row.collapsed}
      data-testid={`catalog-${row.kind}`}
      onClick={() => onToggle(row.key)}
    >
      <span className="catalog-caret" aria-hidden="true">
        {row.collapsed ? '▸' : '▾'}
      </span>
      {row.kind === 'api' ? row.title : row.label} <span className="muted">({row.count})</span>
    </button>
  )
  if (row.kind !== 'api' || row.importedId === null) return toggle
  const id = row.importedId
  return (
    <div className="catalog-api-row" data-testid="imported-catalog" data-catalog-id={id}>
      {toggle}
      <button type="button" className="small" title="Show the import report" onClick={() => onReport(id)}>
        Report
      </button>
      <button type="button" className="small" aria-label={`Remove ${row.title}`} title="Remove this imported catalog" onClick={() => onRemove(id)}>
        Remove
      </button>
    </div>
  )
}
