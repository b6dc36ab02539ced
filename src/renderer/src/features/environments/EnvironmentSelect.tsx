import type { Environments } from './useEnvironments'

const NONE = ''

export function EnvironmentSelect({ environments }: { environments: Environments }): React.JSX.Element {
  return (
    <label className="toolbar-field">
      <span>Environment</span>
      <select
        aria-label="Environment"
        data-testid="environment"
        value={environments.selectedId ?? NONE}
        onFocus={environments.reload}
        onChange={(event) => environments.select(event.target.value === NONE ? null : event.target.value)}
      >
        <option value={NONE}>No environment</option>
        {environments.list.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
            {environment.tls.verify ? '' : ' (TLS verification off)'}
          </option>
        ))}
      </select>
      {environments.error && (
        <span className="inline-error" role="alert">
          Could not load environments: {environments.error}
        </span>
      )}
    </label>
  )
}
