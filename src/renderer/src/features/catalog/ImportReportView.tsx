import type { ImportedCatalog } from '@shared/catalog/imported'

interface Props {
  catalog: ImportedCatalog
  onClose(): void
}

/**
 * What an OpenAPI import did: how many operations, what was skipped and why, and notes. Every string comes from
 * the user's file, so it is rendered as React text (escaped), never as HTML.
 */
export function ImportReportView({ catalog, onClose }: Props): React.JSX.Element {
  const { report } = catalog
  return (
    <section className="import-report" aria-label="Import report" data-testid="import-report">
      <header className="import-report-head">
        <strong data-testid="import-report-title">{catalog.title}</strong>
        <button type="button" className="small" aria-label="Close the import report" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="import-report-line" data-testid="import-report-summary">
        Imported {report.imported} operation{report.imported === 1 ? '' : 's'} from {report.fileName} ({report.sourceVersion},{' '}
        {report.sourceSyntax.toUpperCase()}).
      </p>
      {report.skipped.length > 0 && (
        <details open className="import-report-section">
          <summary>
            Skipped or replaced: {report.skipped.length}
          </summary>
          <ul data-testid="import-report-skipped">
            {report.skipped.map((item, i) => (
              <li key={i}>
                <code>{item.where}</code> {item.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.notes.length > 0 && (
        <details className="import-report-section">
          <summary>Notes: {report.notes.length}</summary>
          <ul data-testid="import-report-notes">
            {report.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  )
}
