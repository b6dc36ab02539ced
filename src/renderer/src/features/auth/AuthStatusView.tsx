import type { AuthStatus, VaultStatus } from './useAuthState'

/** The auth state at a glance: what is sent (masked), session expiry, last error, notes. */
export function AuthStatusView({ status, vault }: { status: AuthStatus; vault: VaultStatus | null }): React.JSX.Element {
  return (
    <div className="auth-status" data-testid="auth-status" aria-live="polite">
      <p>
        Using: <strong data-testid="auth-effective">{status.using ?? 'No credential will be sent'}</strong>
        {status.headerPreview && (
          <>
            {' '}
            — sends <code data-testid="auth-header-preview">{status.headerPreview}</code>
          </>
        )}
      </p>
      {status.unusedNote && <p data-testid="auth-both-note">{status.unusedNote}</p>}
      {status.loggedInUntil !== null && (
        <p data-testid="auth-logged-in">
          Logged in{status.loggedInAs ? <> as <strong>{status.loggedInAs}</strong></> : null} until {new Date(status.loggedInUntil).toLocaleString()}
        </p>
      )}
      {status.expiryWarning && (
        <p className="inline-warning" role="alert" data-testid="auth-expiry-warning">
          {status.expiryWarning}
        </p>
      )}
      {status.lastError && (
        <p className="inline-error" role="alert" data-testid="auth-last-error">
          Last auth error: {status.lastError}
        </p>
      )}
      {vault?.storage === 'memory' && (
        <p data-testid="vault-storage-note">
          Secrets are kept in memory for this session only{vault.storageNote ? `: ${vault.storageNote}` : '.'}
        </p>
      )}
      {vault?.storage === 'weak-disk' && (
        <p className="inline-warning" data-testid="vault-storage-note">
          {vault.storageNote}
        </p>
      )}
    </div>
  )
}
