import type { Library } from './useLibrary'

/** Outcome of a cURL command pasted into the URL bar; its credentials, if any, go to the vault or are dropped. */
export function CurlNotice({ library }: { library: Library }): React.JSX.Element | null {
  const { notice, moveToVault, discard, dismiss } = library.curl
  if (!notice) return null
  return (
    <div className={`curl-notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="curl-notice">
      <span>{notice.text}</span>{' '}
      {notice.secrets && (
        <>
          <button
            type="button"
            className="small"
            disabled={!library.hasEnvironment}
            title={library.hasEnvironment ? 'Store them as secrets of the selected environment' : 'Select an environment first'}
            onClick={moveToVault}
          >
            Move to vault
          </button>{' '}
          <button type="button" className="small" onClick={discard}>
            Discard
          </button>{' '}
        </>
      )}
      <button type="button" aria-label="Dismiss" onClick={dismiss}>
        ✕
      </button>
    </div>
  )
}
