import type { CatalogParameter } from '@shared/catalog/types'
import { valueProblem } from '../request-editor/param-rules'
import { BooleanSwitch } from './BooleanSwitch'
import { ChipsInput } from './ChipsInput'
import { EpochInput } from './EpochInput'
import { humanUtc } from './epoch'
import { typeLabel, valueText } from './operation-form'
import { epochUnit, paramKind, ruleFor } from './param-kind'

interface Props {
  param: CatalogParameter
  value: string
  onChange(value: string): void
}

/**
 * One parameter: name, location, type, required mark, an input typed from its schema (number, switch, dropdown,
 * epoch with a date-time picker, chips for arrays), what is wrong with the value, "use example", description.
 */
export function ParamField({ param, value, onChange }: Props): React.JSX.Element {
  const rule = ruleFor(param)
  const kind = paramKind(param)
  const missing = rule.required && value.trim() === ''
  const problem = valueProblem(rule, value.trim())
  const invalid = missing || problem !== null
  const id = `param-${param.in}-${param.name}`
  const placeholder = param.default !== undefined ? `default: ${valueText(param.default)}` : param.example !== undefined ? `e.g. ${valueText(param.example)}` : ''
  const enumValues = param.enum?.map((v) => valueText(v))
  const unit = epochUnit(param)
  // An epoch inside a union (Data Export's `operation`: a keyword or epoch seconds) still shows the time it means.
  const unionTime = kind !== 'epoch' && unit ? humanUtc(value, unit) : null
  const textInput = (numeric: boolean): React.JSX.Element => (
    <input
      id={id}
      type="text"
      inputMode={numeric ? 'decimal' : undefined}
      value={value}
      placeholder={placeholder}
      spellCheck={false}
      aria-invalid={invalid}
      aria-describedby={problem ? `${id}-problem` : undefined}
      list={enumValues && kind === 'text' ? `${id}-options` : undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  )
  return (
    <div className={`param-field${invalid ? ' param-missing' : ''}`} data-testid="param-field" data-param={param.name} data-in={param.in} data-kind={kind}>
      <label className="param-label" htmlFor={id}>
        <span className="param-name">{param.name}</span>
        {rule.required && (
          <span className="param-required" title="Required" data-testid="required-mark">
            *
          </span>
        )}
        <span className="param-meta">
          {param.in} · {typeLabel(param)}
          {param.deprecated ? ' · deprecated' : ''}
        </span>
      </label>
      <div className="param-input">
        {kind === 'enum' && (
          <select id={id} value={value} aria-invalid={invalid} onChange={(event) => onChange(event.target.value)}>
            <option value="">{param.default !== undefined ? `(default: ${valueText(param.default)})` : '(not set)'}</option>
            {(rule.enum ?? []).map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        )}
        {kind === 'boolean' && <BooleanSwitch id={id} value={value} required={rule.required} onChange={onChange} />}
        {kind === 'epoch' && unit && (
          <EpochInput id={id} name={param.name} value={value} unit={unit} placeholder={placeholder} invalid={invalid} onChange={onChange} />
        )}
        {kind === 'array' && <ChipsInput id={id} name={param.name} value={value} placeholder={placeholder} invalid={invalid} onChange={onChange} />}
        {(kind === 'text' || kind === 'integer' || kind === 'number') && textInput(kind !== 'text')}
        {enumValues && kind === 'text' && (
          <datalist id={`${id}-options`}>
            {enumValues.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        )}
        {unionTime && (
          <span className="epoch-human muted" data-testid="epoch-human">
            {unionTime}
          </span>
        )}
        {param.example !== undefined && (
          <button type="button" className="small" title={`Use ${valueText(param.example)}`} onClick={() => onChange(valueText(param.example))}>
            Use example
          </button>
        )}
      </div>
      {problem && (
        <p className="param-problem" id={`${id}-problem`} data-testid="param-problem">
          {param.name} {problem}.
        </p>
      )}
      {param.description && <p className="param-description">{param.description}</p>}
    </div>
  )
}
