import { useState } from 'react'
import type { Environments } from './useEnvironments'
import { TlsSettings } from './TlsSettings'
import { BaseUrlField } from './BaseUrlField'
import { EnvironmentsDialog } from './manager/EnvironmentsDialog'
import './environments.css'

const NONE = ''

export function EnvironmentSelect({ environments }: { environments: Environments }): React.JSX.Element {
  const [showTls, setShowTls] = useState(false)
  const [managing, setManaging] = useState(false)
  return (
    <>
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
              {environment.production === true ? ' · production' : ''}
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
      {/* Short visible text (the header is crowded); the name read out says it in full. No aria-label: it would make
          this button a second match for the "Environment" label. */}
      <button type="button" data-testid="env-manage" title="Manage environments: variables, base URL, TLS, auth" onClick={() => setManaging(true)}>
        <span aria-hidden="true">Manage…</span>
        <span className="visually-hidden">Manage environments</span>
      </button>
      {managing && <EnvironmentsDialog environments={environments} onClose={() => setManaging(false)} />}
      {environments.selected && (
        // Keyed by id and saved value: another environment, or a save, starts the field from what is stored.
        <BaseUrlField key={`${environments.selected.id}:${environments.selected.baseUrl}`} environment={environments.selected} onSaved={environments.reload} />
      )}
      {environments.selected && (
        <button type="button" aria-expanded={showTls} data-testid="tls-toggle" onClick={() => setShowTls((open) => !open)}>
          TLS
        </button>
      )}
      {showTls && environments.selected && <TlsSettings environment={environments.selected} onSaved={environments.reload} />}
    </>
  )
}
