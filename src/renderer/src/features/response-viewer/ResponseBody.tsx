import { useMemo, useState } from 'react'
import type { SendResult } from '@shared/model/response'
import { LazyCodeEditor } from '../../editor/LazyCodeEditor'
import type { ColorScheme } from '../../ui/useColorScheme'
import { formatBytes, LARGE_BODY_BYTES, languageFor, PRETTY_PRINT_LIMIT, prettyJson } from './format'
import { LargeBody } from './large/LargeBody'
import { SaveBodyButton } from './large/SaveBodyButton'
import { useResponseBody } from './useResponseBody'

type View = 'pretty' | 'raw'

/** The body as loaded so far: pretty (Monaco, read-only) or raw text, with paging for bodies beyond the preview. */
export function ResponseBody({ result, scheme }: { result: SendResult; scheme: ColorScheme }): React.JSX.Element {
  // Large text bodies get the windowed view (a separate component, so this one's hooks never load them).
  if (!result.preview.binary && result.sizes.decodedBytes > LARGE_BODY_BYTES) return <LargeBody result={result} />
  return <SmallBody result={result} scheme={scheme} />
}

/** A body small enough for the editor: loaded into the renderer and shown in Monaco or as raw text. */
function SmallBody({ result, scheme }: { result: SendResult; scheme: ColorScheme }): React.JSX.Element {
  const body = useResponseBody(result)
  const [view, setView] = useState<View>('pretty')
  const pretty = useMemo(() => prettyJson(body.text, body.complete, result.contentType), [body.text, body.complete, result.contentType])

  if (result.preview.binary) {
    return (
      <p className="muted" data-testid="binary-body">
        Binary body ({formatBytes(body.totalBytes)}{result.contentType ? `, ${result.contentType}` : ''}) — not shown as text.{' '}
        <SaveBodyButton responseId={result.responseId} />
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
        <SaveBodyButton responseId={result.responseId} />
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
