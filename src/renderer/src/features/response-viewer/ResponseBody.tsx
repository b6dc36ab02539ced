import { useMemo, useState } from 'react'
import type { SendResult } from '@shared/model/response'
import { LazyCodeEditor } from '../../editor/LazyCodeEditor'
import type { ColorScheme } from '../../ui/useColorScheme'
import { formatBytes, languageFor, PRETTY_PRINT_LIMIT, prettyJson } from './format'
import { useResponseBody } from './useResponseBody'

type View = 'pretty' | 'raw'

/** The body as loaded so far: pretty (Monaco, read-only) or raw text, with paging for bodies beyond the preview. */
export function ResponseBody({ result, scheme }: { result: SendResult; scheme: ColorScheme }): React.JSX.Element {
  const body = useResponseBody(result)
  const [view, setView] = useState<View>('pretty')
  const pretty = useMemo(() => prettyJson(body.text, body.complete, result.contentType), [body.text, body.complete, result.contentType])

  if (result.preview.binary) {
    return (
      <p className="muted" data-testid="binary-body">
        Binary body ({formatBytes(body.totalBytes)}{result.contentType ? `, ${result.contentType}` : ''}) — not shown as text.
      </p>
    )
  }
  if (body.totalBytes === 0 && body.text === '') {
    return <p className="muted" data-testid="empty-body">Empty body.</p>
  }

  const whyRaw = pretty !== null ? null : !body.complete ? 'partial body: load the rest to pretty-print' : body.text.length > PRETTY_PRINT_LIMIT ? 'too large to pretty-print' : null
  return (
    <div className="response-body">
      <div className="body-toolbar">
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" aria-pressed={view === 'pretty'} onClick={() => setView('pretty')}>
            Pretty
          </button>
          <button type="button" aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
            Raw
          </button>
        </div>
        <span className="muted" data-testid="body-progress">
          {body.complete
            ? formatBytes(body.totalBytes)
            : `Showing ${formatBytes(body.loadedBytes)} of ${formatBytes(body.totalBytes)}`}
          {whyRaw && ` · ${whyRaw}`}
        </span>
        {!body.complete && (
          <button type="button" data-testid="load-more" onClick={body.loadMore} disabled={body.loading}>
            {body.loading ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
      {body.error && (
        <p className="inline-error" role="alert">
          Could not load more of the body: {body.error}
        </p>
      )}
      {view === 'pretty' ? (
        <LazyCodeEditor
          testId="response-editor"
          label="Response body"
          path={`response-${result.responseId}`}
          language={pretty !== null ? 'json' : languageFor(result.contentType)}
          scheme={scheme}
          value={pretty ?? body.text}
          readOnly
        />
      ) : (
        <pre className="raw-body" data-testid="response-raw" tabIndex={0}>
          {body.text}
        </pre>
      )}
    </div>
  )
}
