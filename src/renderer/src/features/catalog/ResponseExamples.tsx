import { useState } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import { prettyJson } from './operation-form'

interface ResponseChoice {
  status: string
  description: string
  label: string
  text: string
}

function responseChoices(op: CatalogOperation): ResponseChoice[] {
  const out: ResponseChoice[] = []
  for (const r of op.responses) {
    if (r.examples.length === 0) {
      out.push({ status: r.status, description: r.description, label: `${r.status} — ${r.description || 'no body'}`, text: '' })
      continue
    }
    for (const example of r.examples) {
      out.push({
        status: r.status,
        description: r.description,
        label: `${r.status} — ${example.summary ?? example.name}`,
        text: prettyJson(example.value)
      })
    }
  }
  return out
}

/** Every documented response with its status; the chosen one is shown as plain text (never as HTML). */
export function ResponseExamples({ op }: { op: CatalogOperation }): React.JSX.Element | null {
  const choices = responseChoices(op)
  const [index, setIndex] = useState(0)
  const chosen = choices[index]
  if (!chosen) return null
  return (
    <details className="response-examples">
      <summary>Documented responses ({op.responses.length})</summary>
      <select data-testid="response-example" aria-label="Documented response" value={index} onChange={(event) => setIndex(Number(event.target.value))}>
        {choices.map((choice, i) => (
          <option key={`${choice.label}-${i}`} value={i}>
            {choice.label}
          </option>
        ))}
      </select>
      <p className="muted" data-testid="response-example-status">
        Status {chosen.status}
        {chosen.description ? ` · ${chosen.description}` : ''}
      </p>
      {chosen.text && <pre className="response-example-body">{chosen.text}</pre>}
    </details>
  )
}
