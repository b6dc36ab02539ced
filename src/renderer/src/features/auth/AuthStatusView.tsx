import type { AuthStatus, VaultStatus } from './useAuthState'

const EFFECTIVE_LABEL: Record<Exclude<AuthStatus['effective'], 'client-credentials'>, string> = {
  none: 'No credential will be sent',
  'api-key': 'InsightCloudSec API key',
  login: 'InsightCloudSec login session',
  'netskope-v2': 'Netskope v2 token',
  'netskope-v1-only': 'Netskope v1 token only (/api/v1)'
}

/** The auth state at a glance: what is sent (masked), session expiry, last error, notes. */
export function AuthStatusView({ status, vault, vendorLabel }: { status: AuthStatus; vault: VaultStatus | null; vendorLabel: string }): React.JSX.Element {
  return (
    <div className="auth-status" data-testid="auth-status" aria-live="polite">
      <p>
        Using: <strong data-testid="auth-effective">{status.effective === 'client-credentials' ? `${vendorLabel} client credentials` : EFFECTIVE_LABEL[status.effective]}</strong>
        {status.headerPreview && (
          <>
            {' '}
            — sends <code data-testid="auth-header-preview">{status.headerPreview}</code>
          </>
        )}
      </p>
      {status.bothIcsCredentials && (
        <p data-testid="auth-both-note">API key is used (both set): the login is ignored while an API key is stored.</p>
      )}
      {status.loggedInUntil !== null && (
        <p data-testid="auth-logged-in">Logged in until {new Date(status.loggedInUntil).toLocaleString()}</p>
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
