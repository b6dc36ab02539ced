import type { Library } from './useLibrary'

/** Outcome of a cURL command pasted into the URL bar. */
export function CurlNotice({ library }: { library: Library }): React.JSX.Element | null {
  const notice = library.curlNotice
  if (!notice) return null
  return (
    <p className={`curl-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="curl-notice">
      {notice.text}{' '}
      <button type="button" aria-label="Dismiss" onClick={library.dismissCurlNotice}>
        ✕
      </button>
    </p>
  )
}
