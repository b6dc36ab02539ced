import { AUTH_SECRET_NAMES, type SecretName } from '@shared/model/auth'
import type { Environment } from '@shared/model/environment'
import { secretSlot } from '@shared/vendors/registry'
import { AuthProfileForm } from '../../auth/AuthProfileForm'
import { AuthStatusView } from '../../auth/AuthStatusView'
import { SecretField } from '../../auth/SecretField'
import { useAuthState } from '../../auth/useAuthState'

/** The auth panel's pieces for the environment open in the manager: mode, write-only secrets, state. */
export function EnvironmentAuth({ environment, onSaved }: { environment: Environment; onSaved(): void }): React.JSX.Element {
  const state = useAuthState(environment.id)
  const isSet = (name: SecretName): boolean => state.vault?.secrets.some((secret) => secret.name === name && secret.set) ?? false
  return (
    <section className="env-section" aria-label="Auth">
      <h3>Auth</h3>
      <AuthProfileForm
        key={`${environment.id}:${JSON.stringify(environment.auth)}`}
        environment={environment}
        onSaved={() => {
          onSaved()
          state.refresh()
        }}
      />
      {AUTH_SECRET_NAMES[environment.auth.kind].map((name) => {
        const slot = secretSlot(environment.auth.kind, name)
        return <SecretField key={`${environment.id}/${name}`} environmentId={environment.id} name={name} label={slot?.fieldLabel ?? name} help={slot?.help} isSet={isSet(name)} onChanged={state.refresh} />
      })}
      {state.status && <AuthStatusView status={state.status} vault={state.vault} />}
      {state.error && (
        <p className="inline-error" role="alert">
          Could not load the auth state: {state.error}
        </p>
      )}
    </section>
  )
}
