import { useEffect, useState } from 'react'
import { AUTH_SECRET_NAMES, type SecretName } from '@shared/model/auth'
import type { Environment } from '@shared/model/environment'
import { secretSlot, vendorById } from '@shared/vendors/registry'
import type { Environments } from '../environments/useEnvironments'
import { call, toErrorShape } from '../../api/client'
import { AuthProfileForm } from './AuthProfileForm'
import { AuthStatusView } from './AuthStatusView'
import { GenerateApiKey } from './GenerateApiKey'
import { NewEnvironmentForm } from './NewEnvironmentForm'
import { SecretField } from './SecretField'
import { useAuthState } from './useAuthState'

interface Props {
  environments: Environments
  onClose(): void
  /** Changes whenever a request finished, so the state (session, last error) is reloaded after each send. */
  refreshKey?: unknown
}

/** Credentials of the selected environment: mode, write-only secrets, state at a glance; plus creating environments. */
export function AuthPanel({ environments, onClose, refreshKey }: Props): React.JSX.Element {
  const environment = environments.selected
  const state = useAuthState(environment?.id ?? null)
  const [logoutMessage, setLogoutMessage] = useState<string | null>(null)
  const { refresh } = state
  useEffect(() => {
    if (refreshKey !== undefined) refresh()
  }, [refresh, refreshKey])

  const created = (saved: Environment): void => {
    environments.reload()
    environments.select(saved.id)
  }
  /** Log in or out now; the outcome in words, then the state again. */
  const session = async (act: () => Promise<string>): Promise<void> => {
    try {
      setLogoutMessage(await act())
    } catch (failure) {
      setLogoutMessage(toErrorShape(failure).message)
    }
    state.refresh()
  }
  const login = (id: string): Promise<void> =>
    session(async () => ((await call('auth:login', { environmentId: id })).loggedIn ? 'Logged in.' : 'This credential needs no login.'))
  const logout = (id: string): Promise<void> =>
    session(async () => ((await call('auth:logout', { environmentId: id })).loggedOut ? 'Logged out.' : 'There was no session to end.'))
  const isSet = (name: SecretName): boolean => state.vault?.secrets.some((secret) => secret.name === name && secret.set) ?? false

  return (
    <section className="settings-panel" aria-label="Auth" data-testid="auth-panel">
      <h2>Auth{environment ? ` · ${environment.name}` : ''}</h2>
      {environment === null ? (
        <p>Select an environment to set its credentials, or create one below.</p>
      ) : (
        <>
          <AuthProfileForm key={`${environment.id}:${JSON.stringify(environment.auth)}`} environment={environment} onSaved={() => {
            environments.reload()
            state.refresh()
          }} />
          {AUTH_SECRET_NAMES[environment.auth.kind].map((name) => (
            <SecretField key={`${environment.id}/${name}`} environmentId={environment.id} name={name} label={secretSlot(environment.auth.kind, name)?.fieldLabel ?? name} help={secretSlot(environment.auth.kind, name)?.help} isSet={isSet(name)} onChanged={state.refresh} />
          ))}
          {vendorById(environment.auth.kind)?.panels?.generateApiKey === true && (
            <>
              <p data-testid="auth-sso-hint">
                Single sign-on accounts cannot log in through the API: use an API key (it also avoids session expiry and
                login lockouts).
              </p>
              <GenerateApiKey environmentId={environment.id} onDone={state.refresh} />
            </>
          )}
          {state.status && <AuthStatusView status={state.status} vault={state.vault} />}
          {state.error && (
            <p className="inline-error" role="alert">
              Could not load the auth state: {state.error}
            </p>
          )}
          <div className="settings-actions">
            <button type="button" data-testid="auth-refresh" onClick={state.refresh}>
              Refresh
            </button>
            {state.status?.loginAvailable && (
              <button type="button" data-testid="auth-login" onClick={() => void login(environment.id)}>
                Log in
              </button>
            )}
            <button type="button" data-testid="auth-logout" onClick={() => void logout(environment.id)}>
              Log out
            </button>
            {logoutMessage && <span role="status">{logoutMessage}</span>}
          </div>
        </>
      )}
      <NewEnvironmentForm onCreated={created} />
      <div className="settings-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  )
}
