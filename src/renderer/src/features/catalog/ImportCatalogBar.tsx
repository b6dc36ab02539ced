import type { Catalogs } from './useCatalogs'
import { ImportReportView } from './ImportReportView'

/** "Import OpenAPI…" (main opens the file dialog, parses and converts), its errors, and the last import's report. */
export function ImportCatalogBar({ catalogs }: { catalogs: Catalogs }): React.JSX.Element {
  return (
    <>
      <div className="catalog-import">
        <button type="button" className="small" data-testid="import-openapi" disabled={catalogs.importing} onClick={catalogs.importFile}>
          Import OpenAPI…
        </button>
        {catalogs.importing && (
          <>
            <span className="muted">Importing…</span>
            <button type="button" className="small" data-testid="cancel-import" onClick={catalogs.cancelImport}>
              Cancel
            </button>
          </>
        )}
      </div>
      {catalogs.problems.map((problem, i) => (
        <p key={i} className="inline-warning catalog-note" role="alert" data-testid="import-problem">
          {problem}
        </p>
      ))}
      {catalogs.report && <ImportReportView catalog={catalogs.report} onClose={() => catalogs.showReport(null)} />}
    </>
  )
}
