import { useState } from 'react'
import { call, toErrorShape } from '../../../api/client'

interface Props {
  environmentId: string
  name: string
  isSet: boolean
  onChanged(): void
}

/** A secret variable's value: typed here, sent to main's vault, never read back (only "set" / "not set"). */
export function SecretVariableValue({ environmentId, name, isSet, onChanged }: Props): React.JSX.Element {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const run = async (action: () => Promise<unknown>): Promise<void> => {
    setError(null)
    try {
      await action()
      setValue('')
      onChanged()
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }
  const set = (): Promise<void> => run(() => call('environment:set-secret-variable', { environmentId, name, value }))
  return (
    <div className="secret-variable" data-testid={`secret-variable-${name}`}>
      <span className={isSet ? 'secret-state is-set' : 'secret-state'}>{isSet ? '•••• set' : 'not set'}</span>
      <input
        type="password"
        aria-label={`Value of ${name}`}
        autoComplete="off"
        placeholder={isSet ? 'Replace value' : 'Value (kept in the vault)'}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && value !== '') {
            event.preventDefault()
            void set()
          }
        }}
      />
      <button type="button" disabled={value === ''} onClick={() => void set()}>
        Set {name}
      </button>
      {isSet && (
        <button type="button" onClick={() => void run(() => call('environment:delete-secret-variable', { environmentId, name }))}>
          Clear
        </button>
      )}
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </div>
  )
}
