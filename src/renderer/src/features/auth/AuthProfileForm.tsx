import { useState } from 'react'
import type { AuthKind, AuthProfile } from '@shared/model/auth'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../api/client'

const MODES: { kind: AuthKind; label: string }[] = [
  { kind: 'none', label: 'None' },
  { kind: 'netskope', label: 'Netskope' },
  { kind: 'cloud-exchange', label: 'Cloud Exchange' },
  { kind: 'insightcloudsec', label: 'InsightCloudSec' }
]

export function defaultProfile(kind: AuthKind): AuthProfile {
  switch (kind) {
    case 'none':
      return { kind }
    case 'netskope':
      return { kind, v2Scheme: 'header', v1Placement: 'query' }
    case 'cloud-exchange':
      return { kind, clientId: '', secretExpiresOn: null }
    case 'insightcloudsec':
      return { kind, username: '' }
  }
}

interface Props {
  environment: Environment
  onSaved(environment: Environment): void
}

/** The mode and its non-secret fields, saved with the environment (secrets go to the vault separately). */
export function AuthProfileForm({ environment, onSaved }: Props): React.JSX.Element {
  const [draft, setDraft] = useState<AuthProfile>(environment.auth)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)

  const save = async (): Promise<void> => {
    setMessage(null)
    try {
      const saved = await call('environment:save', { ...environment, auth: draft })
      setMessage({ kind: 'ok', text: 'Saved.' })
      onSaved(saved)
    } catch (failure) {
      setMessage({ kind: 'error', text: toErrorShape(failure).message })
    }
  }

  return (
    <form
      className="settings-form"
      noValidate
      data-testid="auth-profile-form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <label>
        Auth mode
        <select
          data-testid="auth-mode"
          value={draft.kind}
          onChange={(event) => setDraft(event.target.value === environment.auth.kind ? environment.auth : defaultProfile(event.target.value as AuthKind))}
        >
          {MODES.map((mode) => (
            <option key={mode.kind} value={mode.kind}>
              {mode.label}
            </option>
          ))}
        </select>
      </label>
      {draft.kind === 'netskope' && (
        <>
          <label>
            v2 token sent as
            <select data-testid="auth-v2-scheme" value={draft.v2Scheme} onChange={(event) => setDraft({ ...draft, v2Scheme: event.target.value as 'header' | 'bearer' })}>
              <option value="header">Netskope-Api-Token header</option>
              <option value="bearer">Authorization: Bearer</option>
            </select>
          </label>
          <label>
            v1 token sent as
            <select data-testid="auth-v1-placement" value={draft.v1Placement} onChange={(event) => setDraft({ ...draft, v1Placement: event.target.value as 'query' | 'form' })}>
              <option value="query">token query parameter</option>
              <option value="form">token form field</option>
            </select>
          </label>
        </>
      )}
      {draft.kind === 'cloud-exchange' && (
        <label>
          Client ID
          <input data-testid="auth-client-id" value={draft.clientId} onChange={(event) => setDraft({ ...draft, clientId: event.target.value })} />
        </label>
      )}
      {draft.kind === 'cloud-exchange' && (
        <label>
          Client secret expires on
          <input
            type="date"
            data-testid="auth-secret-expires"
            value={draft.secretExpiresOn ?? ''}
            onChange={(event) => setDraft({ ...draft, secretExpiresOn: event.target.value === '' ? null : event.target.value })}
          />
        </label>
      )}
      {draft.kind === 'insightcloudsec' && (
        <label>
          Username
          <input data-testid="auth-username" autoComplete="off" value={draft.username} onChange={(event) => setDraft({ ...draft, username: event.target.value })} />
        </label>
      )}
      <div className="settings-actions">
        <button type="submit" className="primary" data-testid="auth-save-profile">
          Save auth mode
        </button>
        {draft.kind !== environment.auth.kind && <span data-testid="auth-mode-unsaved">Save to set this mode&apos;s secrets.</span>}
        {message && (
          <span className={message.kind === 'error' ? 'inline-error' : undefined} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </span>
        )}
      </div>
    </form>
  )
}
