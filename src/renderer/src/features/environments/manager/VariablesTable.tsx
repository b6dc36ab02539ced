import { useEffect, useState } from 'react'
import type { Environment, EnvironmentVariable } from '@shared/model/environment'
import { call, toErrorShape } from '../../../api/client'
import { SecretVariableValue } from './SecretVariableValue'
import { useSecretVariables } from './useSecretVariables'

interface Props {
  environment: Environment
  onSaved(): void
}

type Row = EnvironmentVariable & { key: number }

let nextKey = 0
const toRows = (variables: readonly EnvironmentVariable[]): Row[] => variables.map((variable) => ({ ...variable, secret: variable.secret === true, key: nextKey++ }))

/**
 * The environment's variables, `{{name}}` in any request. A plain value is stored in the environment; a secret
 * one goes to main's vault (typed in a new row and sent on save, or set later) and shows only as set / not set.
 * The parent keys this by environment id, so another environment starts from its saved rows.
 */
export function VariablesTable({ environment, onSaved }: Props): React.JSX.Element {
  const [rows, setRows] = useState<Row[]>(() => toRows(environment.variables))
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const secrets = useSecretVariables(environment.id)
  const { refresh } = secrets
  // Every reload of the list (after an import stored values, a duplicate, a save elsewhere) re-reads set / not set.
  useEffect(refresh, [environment, refresh])
  const savedSecret = (name: string): boolean => environment.variables.some((row) => row.secret === true && row.name === name)
  const edit = (key: number, change: Partial<Row>): void => {
    setMessage(null)
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)))
  }

  const save = async (): Promise<void> => {
    const kept = rows.filter((row) => row.name.trim() !== '').map((row) => ({ ...row, name: row.name.trim() }))
    // A value typed into a secret row goes to the vault after the save that marks the row secret, never into the file.
    const typed = kept.filter((row) => row.secret && row.value !== '')
    const variables = kept.map(({ key: _key, ...row }) => (row.secret ? { ...row, value: '' } : row))
    try {
      await call('environment:update', { id: environment.id, variables })
      for (const row of typed) await call('environment:set-secret-variable', { environmentId: environment.id, name: row.name, value: row.value })
      setRows(kept.map((row) => (row.secret ? { ...row, value: '' } : row)))
      setMessage({ error: false, text: 'Saved.' })
      secrets.refresh()
      onSaved()
    } catch (failure) {
      setMessage({ error: true, text: toErrorShape(failure).message })
    }
  }

  return (
    <section className="env-section" aria-label="Variables">
      <h3>Variables</h3>
      <p className="env-help">
        Use them as <code>{'{{name}}'}</code> in the URL, params, headers and body. Secret values are kept in the vault and never shown again.
      </p>
      <table className="variables-table">
        <thead>
          <tr>
            <th scope="col">On</th>
            <th scope="col">Name</th>
            <th scope="col">Value</th>
            <th scope="col">Secret</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.key}>
              <td>
                <input type="checkbox" aria-label={`variable ${index + 1} enabled`} checked={row.enabled} onChange={(event) => edit(row.key, { enabled: event.target.checked })} />
              </td>
              <td>
                <input aria-label={`variable ${index + 1} name`} spellCheck={false} value={row.name} onChange={(event) => edit(row.key, { name: event.target.value })} />
              </td>
              <td>
                {row.secret && savedSecret(row.name) ? (
                  <SecretVariableValue environmentId={environment.id} name={row.name} isSet={secrets.isSet(row.name)} onChanged={secrets.refresh} />
                ) : (
                  <input
                    aria-label={`variable ${index + 1} value`}
                    type={row.secret ? 'password' : 'text'}
                    autoComplete="off"
                    spellCheck={false}
                    placeholder={row.secret ? 'Kept in the vault on save' : ''}
                    value={row.value}
                    onChange={(event) => edit(row.key, { value: event.target.value })}
                  />
                )}
              </td>
              <td>
                <input type="checkbox" aria-label={`variable ${index + 1} secret`} checked={row.secret} onChange={(event) => edit(row.key, { secret: event.target.checked })} />
              </td>
              <td>
                <button type="button" aria-label={`Remove variable ${index + 1}`} onClick={() => setRows((current) => current.filter((other) => other.key !== row.key))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="env-actions">
        <button type="button" onClick={() => setRows((current) => [...current, { name: '', value: '', enabled: true, secret: false, key: nextKey++ }])}>
          + Add variable
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Save variables
        </button>
        {message && (
          <span data-testid="variables-message" className={message.error ? 'inline-error' : undefined} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </span>
        )}
        {secrets.error && (
          <span className="inline-error" role="alert">
            Could not load the secret variables: {secrets.error}
          </span>
        )}
      </div>
    </section>
  )
}
