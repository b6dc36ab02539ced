import type { AppErrorShape } from '@shared/model/errors'

const TITLES: Partial<Record<AppErrorShape['code'], string>> = {
  INVALID_URL: 'Invalid URL',
  UNSUPPORTED_SCHEME: 'Unsupported URL scheme',
  DNS_FAILURE: 'Host not found',
  CONNECTION_REFUSED: 'Connection refused',
  CONNECTION_RESET: 'Connection reset',
  TLS_SELF_SIGNED: 'Untrusted certificate (self-signed)',
  TLS_UNTRUSTED: 'Untrusted certificate',
  TLS_EXPIRED: 'Certificate expired',
  TLS_HOSTNAME_MISMATCH: 'Certificate does not match the host',
  TLS_ERROR: 'TLS error',
  TIMEOUT_CONNECT: 'Connect timeout',
  TIMEOUT_TOTAL: 'Request timed out',
  DECODED_SIZE_CAP: 'Response too large',
  TOO_MANY_REDIRECTS: 'Too many redirects',
  REDIRECT_REFUSED: 'Redirect refused'
}

/** A failed request: what happened (code + message) and, when known, what to do about it. */
export function ErrorPanel({ error }: { error: AppErrorShape }): React.JSX.Element {
  return (
    <div className="error-panel" role="alert" data-testid="error-panel">
      <div className="error-title">
        <strong>{TITLES[error.code] ?? 'Request failed'}</strong>
        <code className="error-code" data-testid="error-code">
          {error.code}
        </code>
      </div>
      <p className="error-message" data-testid="error-message">
        {error.message}
      </p>
      {error.hint && (
        <p className="error-hint" data-testid="error-hint">
          <span aria-hidden="true">💡 </span>
          {error.hint}
        </p>
      )}
    </div>
  )
}
