import { fromPicker, humanUtc, pickerValue } from './epoch'

interface Props {
  id: string
  name: string
  value: string
  unit: 'seconds' | 'milliseconds'
  placeholder: string
  invalid: boolean
  onChange(value: string): void
}

/** An epoch timestamp: the number as sent, the UTC time it means beside it, and a date-time picker (UTC). */
export function EpochInput({ id, name, value, unit, placeholder, invalid, onChange }: Props): React.JSX.Element {
  const human = humanUtc(value, unit)
  return (
    <span className="epoch-input">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={invalid}
        onChange={(event) => onChange(event.target.value)}
      />
      <input
        type="datetime-local"
        step={1}
        className="epoch-picker"
        aria-label={`Pick ${name} as a UTC date and time`}
        title="Date and time in UTC"
        value={pickerValue(value, unit)}
        onChange={(event) => onChange(fromPicker(event.target.value, unit))}
      />
      {human && (
        <span className="epoch-human muted" data-testid="epoch-human">
          {human}
        </span>
      )}
    </span>
  )
}
