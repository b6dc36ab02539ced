import { useState } from 'react'
import type { SecretName } from '@shared/model/auth'
import { call, toErrorShape } from '../../api/client'
import { InlineConfirm } from '../../ui/InlineConfirm'

interface Props {
  environmentId: string
  name: SecretName
  label: string
  /** Where the user gets the value (the vendor definition's slot help), as the input's tooltip. */
  help?: string
  isSet: boolean
  onChanged(): void
}

/** A write-only secret: typed here, sent to the vault in main, and never read back (only "set" / "not set"). */
export function SecretField({ environmentId, name, label, help, isSet, onChanged }: Props): React.JSX.Element {
  const [value, setValue] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)

  const save = async (): Promise<void> => {
    setError(null)
    try {
      await call('vault:set', { environmentId, name, value })
      setValue('')
      onChanged()
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }
  const remove = async (): Promise<void> => {
    setConfirming(false)
    setError(null)
    try {
      await call('vault:delete', { environmentId, name })
      onChanged()
    } catch (failure) {
      setError(toErrorShape(failure).message)
    }
  }

  return (
    <form
      className="settings-form"
      data-testid={`secret-${name}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (value !== '') void save()
      }}
    >
      <label>
        {label}
        <input
          type="password"
          autoComplete="off"
          value={value}
          aria-label={label}
          title={help}
          data-testid={`secret-input-${name}`}
          placeholder={isSet ? 'set (hidden)' : 'not set'}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <span data-testid={`secret-state-${name}`}>{isSet ? 'set' : 'not set'}</span>
      <button type="submit" disabled={value === ''} data-testid={`secret-save-${name}`}>
        {isSet ? 'Replace' : 'Set'}
      </button>
      {isSet && (
        <button type="button" data-testid={`secret-delete-${name}`} onClick={() => setConfirming(true)}>
          Delete
        </button>
      )}
      {confirming && (
        <InlineConfirm
          text={`Delete the stored ${label}? Requests stop carrying it; it cannot be shown or restored.`}
          choices={[{ label: 'Delete', danger: true, onChoose: () => void remove() }]}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
