import { useState } from 'react'

interface Props {
  id: string
  name: string
  /** The items comma-separated (operation-form.ts sends them as one row each, or joined when explode is false). */
  value: string
  placeholder: string
  invalid: boolean
  onChange(value: string): void
}

function items(value: string): string[] {
  return value === '' ? [] : value.split(',')
}

/** An array parameter: one chip per item; Enter or a comma adds the typed item, Backspace in the empty field removes the last. */
export function ChipsInput({ id, name, value, placeholder, invalid, onChange }: Props): React.JSX.Element {
  const [typed, setTyped] = useState('')
  const list = items(value)
  const add = (text: string): void => {
    const parts = text.split(',').map((part) => part.trim()).filter((part) => part !== '')
    if (parts.length > 0) onChange([...list, ...parts].join(','))
    setTyped('')
  }
  return (
    <span className="chips-input" data-testid="chips">
      {list.map((item, i) => (
        <span className="chip" key={`${i}:${item}`} data-testid="chip">
          {item}
          <button type="button" className="chip-remove" aria-label={`Remove ${item} from ${name}`} onClick={() => onChange(list.filter((_, j) => j !== i).join(','))}>
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        value={typed}
        placeholder={list.length === 0 ? placeholder : 'add…'}
        spellCheck={false}
        aria-invalid={invalid}
        onChange={(event) => {
          if (event.target.value.includes(',')) add(event.target.value)
          else setTyped(event.target.value)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && typed.trim() !== '') {
            event.preventDefault()
            add(typed)
          } else if (event.key === 'Backspace' && typed === '' && list.length > 0) {
            onChange(list.slice(0, -1).join(','))
          }
        }}
        onBlur={() => add(typed)}
      />
    </span>
  )
}
