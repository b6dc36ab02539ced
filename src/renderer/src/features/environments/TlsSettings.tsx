import { useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../api/client'
import { AllowedOrigins } from './AllowedOrigins'

interface Props {
  environment: Environment
  onSaved(): void
}

/**
 * Per-environment TLS: a custom CA bundle (the recommended way to reach a server with a private CA) or, as a last
 * resort, verification off (a banner then stays on screen). The CA file is chosen through main's native dialog.
 * Also the origins besides the base URL's allowed to receive the environment's credential (AllowedOrigins).
 */
export function TlsSettings({ environment, onSaved }: Props): React.JSX.Element {
  const [error, setError] = useState<string | null>(null)

  const save = async (change: Partial<Pick<Environment, 'tls' | 'allowedOrigins'>>): Promise<void> => {
    setError(null)
    try {
      await call('environment:save', { ...environment, ...change })
      onSaved()
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }
  const chooseCa = async (): Promise<void> => {
    const { path } = await call('dialog:pick-file', { purpose: 'ca-bundle' })
    if (path !== null) await save({ tls: { ...environment.tls, caPath: path } })
  }

  return (
    <div className="tls-settings" data-testid="tls-settings" aria-label={`TLS settings of ${environment.name}`}>
      <label>
        <input
          type="checkbox"
          checked={environment.tls.verify}
          data-testid="tls-verify"
          onChange={(event) => void save({ tls: { ...environment.tls, verify: event.target.checked } })}
        />
        Verify server certificates
      </label>
      <span className="tls-ca" data-testid="tls-ca">
        Custom CA: {environment.tls.caPath ?? 'none (system roots only)'}
      </span>
      <button type="button" onClick={() => void chooseCa().catch((failure: unknown) => setError(toErrorShape(failure).message))}>
        Choose CA bundle…
      </button>
      {environment.tls.caPath !== null && (
        <button type="button" onClick={() => void save({ tls: { ...environment.tls, caPath: null } })}>
          Remove CA
        </button>
      )}
      <AllowedOrigins environment={environment} save={(allowedOrigins) => save({ allowedOrigins })} />
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
