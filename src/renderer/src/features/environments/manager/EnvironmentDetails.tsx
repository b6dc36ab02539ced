import { ENVIRONMENT_COLORS, type Environment, type EnvironmentColor } from '@shared/model/environment'
import { BaseUrlField } from '../BaseUrlField'
import { TlsSettings } from '../TlsSettings'
import { EnvironmentAuth } from './EnvironmentAuth'
import { EnvironmentNameField } from './EnvironmentNameField'
import { VariablesTable } from './VariablesTable'
import type { EnvironmentManagerState } from './useEnvironmentManager'

interface Props {
  environment: Environment
  manager: EnvironmentManagerState
  inUse: boolean
  onUse(): void
  onSaved(): void
}

const NO_COLOR = ''
// The colour and production inputs are uncontrolled, keyed by the saved value: they show the user's choice at once
// and start again from what main saved whenever the list is reloaded.

/** The manager's right side: name, colour and production mark, actions, connection (base URL, TLS), variables, auth. */
export function EnvironmentDetails({ environment, manager, inUse, onUse, onSaved }: Props): React.JSX.Element {
  return (
    <div className="env-details" data-testid="env-details">
      <div className="env-row">
        <EnvironmentNameField key={`${environment.id}:${environment.name}`} name={environment.name} onRename={(name) => manager.save(environment, { name })} />
        <label className="env-field">
          <span>Colour</span>
          <select
            key={environment.color ?? NO_COLOR}
            defaultValue={environment.color ?? NO_COLOR}
            onChange={(event) => manager.save(environment, { color: event.target.value === NO_COLOR ? null : (event.target.value as EnvironmentColor) })}
          >
            <option value={NO_COLOR}>None</option>
            {ENVIRONMENT_COLORS.map((color) => (
              <option key={color} value={color}>
                {color}
              </option>
            ))}
          </select>
        </label>
        <label className="env-check" title="A banner shows it, and every send other than GET or HEAD asks first">
          <input key={String(environment.production === true)} type="checkbox" defaultChecked={environment.production === true} onChange={(event) => manager.save(environment, { production: event.target.checked })} />
          Production
        </label>
      </div>
      <div className="env-actions">
        <button type="button" className="primary" disabled={inUse} onClick={onUse}>
          {inUse ? 'In use' : 'Use this environment'}
        </button>
        <button type="button" onClick={() => manager.askDuplicate(environment)}>
          Duplicate
        </button>
        <button type="button" className="danger" onClick={() => manager.askDelete(environment)}>
          Delete
        </button>
      </div>
      <section className="env-section" aria-label="Connection">
        <h3>Connection</h3>
        <BaseUrlField key={`${environment.id}:${environment.baseUrl}`} environment={environment} onSaved={onSaved} />
        <div className="env-tls">
          <TlsSettings environment={environment} onSaved={onSaved} />
        </div>
      </section>
      <VariablesTable key={environment.id} environment={environment} onSaved={onSaved} />
      <EnvironmentAuth environment={environment} onSaved={onSaved} />
    </div>
  )
}
