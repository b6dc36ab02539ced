import { useState } from 'react'
import { call, toErrorShape } from '../../api/client'

/**
 * InsightCloudSec: generate a new API key into the vault. Two steps, because the server deactivates the user's
 * old key at once (scripts still using it stop working). The new key is never shown.
 */
export function GenerateApiKey({ environmentId, onDone }: { environmentId: string; onDone(): void }): React.JSX.Element {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)

  const generate = async (): Promise<void> => {
    setBusy(true)
    setMessage(null)
    try {
      const { userId } = await call('auth:create-api-key', { environmentId })
      setMessage({ kind: 'ok', text: `A new API key for user ${userId} is stored in the vault; the old key no longer works.` })
      onDone()
    } catch (failure) {
      setMessage({ kind: 'error', text: toErrorShape(failure).message })
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }

  return (
    <div className="settings-actions" data-testid="generate-api-key">
      {confirming ? (
        <>
          <span role="alert" data-testid="generate-api-key-warning">
            This deactivates your current API key everywhere it is used. Continue?
          </span>
          <button type="button" className="primary" disabled={busy} data-testid="generate-api-key-confirm" onClick={() => void generate()}>
            Deactivate old key and generate
          </button>
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" data-testid="generate-api-key-start" onClick={() => setConfirming(true)}>
          Generate new API key…
        </button>
      )}
      {message && (
        <span className={message.kind === 'error' ? 'inline-error' : undefined} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="generate-api-key-result">
          {message.text}
        </span>
      )}
    </div>
  )
}
