interface Props {
  id: string
  value: string
  required: boolean
  onChange(value: string): void
}

/** true / false as a switch; an optional parameter also has "not set" (nothing sent), its starting state. */
export function BooleanSwitch({ id, value, required, onChange }: Props): React.JSX.Element {
  const state = value === 'true' ? 'true' : value === 'false' ? 'false' : value === '' ? 'not set' : value
  return (
    <span className="boolean-switch">
      <input id={id} type="checkbox" role="switch" checked={value === 'true'} onChange={(event) => onChange(event.target.checked ? 'true' : 'false')} />
      <span className="muted" data-testid="switch-state">
        {state}
      </span>
      {!required && value !== '' && (
        <button type="button" className="small" onClick={() => onChange('')}>
          Unset
        </button>
      )}
    </span>
  )
}
