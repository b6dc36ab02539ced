import type { CatalogParameter } from '@shared/catalog/types'
import { typeLabel, valueText } from './operation-form'

interface Props {
  param: CatalogParameter
  value: string
  onChange(value: string): void
}

/** One parameter: name, location, type, required mark, input (a dropdown for enums), "use example", description. */
export function ParamField({ param, value, onChange }: Props): React.JSX.Element {
  const missing = param.required && value.trim() === ''
  const id = `param-${param.in}-${param.name}`
  const placeholder = param.default !== undefined ? `default: ${valueText(param.default)}` : param.example !== undefined ? `e.g. ${valueText(param.example)}` : ''
  const enumValues = param.enum?.map((v) => valueText(v))
  // A union schema's enum is a list of suggestions, not a closed set: keep a free-text field for it.
  const closedEnum = enumValues !== undefined && param.schema.enum !== undefined
  return (
    <div className={`param-field${missing ? ' param-missing' : ''}`} data-testid="param-field" data-param={param.name} data-in={param.in}>
      <label className="param-label" htmlFor={id}>
        <span className="param-name">{param.name}</span>
        {param.required && (
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
        {closedEnum ? (
          <select id={id} value={value} aria-invalid={missing} onChange={(event) => onChange(event.target.value)}>
            <option value="">{param.default !== undefined ? `(default: ${valueText(param.default)})` : '(not set)'}</option>
            {enumValues.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        ) : (
          <input
            id={id}
            type="text"
            value={value}
            placeholder={placeholder}
            spellCheck={false}
            aria-invalid={missing}
            list={enumValues ? `${id}-options` : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {enumValues && !closedEnum && (
          <datalist id={`${id}-options`}>
            {enumValues.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        )}
        {param.example !== undefined && (
          <button type="button" className="small" title={`Use ${valueText(param.example)}`} onClick={() => onChange(valueText(param.example))}>
            Use example
          </button>
        )}
      </div>
      {param.description && <p className="param-description">{param.description}</p>}
    </div>
  )
}
