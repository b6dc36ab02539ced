import { useState } from 'react'
import { AuthProfileSchema, type AuthKind, type AuthProfile } from '@shared/model/auth'
import { VENDORS, vendorById } from '@shared/vendors/registry'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../api/client'
import { ProfileFieldInput } from './ProfileFieldInput'

const MODES: { kind: AuthKind; label: string }[] = [{ kind: 'none', label: 'None' }, ...VENDORS.map((vendor) => ({ kind: vendor.id, label: vendor.labels.authMode }))]

/** A fresh profile of this kind: the definition's defaults (src/shared/vendors/). */
export function defaultProfile(kind: AuthKind): AuthProfile {
  return AuthProfileSchema.parse({ kind })
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
      {(vendorById(draft.kind)?.fields ?? []).map((field) => (
        <ProfileFieldInput key={field.key} field={field} profile={draft} onChange={setDraft} />
      ))}
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
