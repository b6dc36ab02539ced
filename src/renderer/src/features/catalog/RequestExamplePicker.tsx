import type { CatalogRequestBody } from '@shared/catalog/types'
import { prettyJson } from './operation-form'

/** Picking a request example replaces the JSON body with it. */
export function RequestExamplePicker({ body, onPick }: { body: CatalogRequestBody; onPick(text: string): void }): React.JSX.Element | null {
  if (body.examples.length === 0) return null
  return (
    <label className="inline-field">
      Request example
      <select
        data-testid="request-example"
        value=""
        onChange={(event) => {
          const example = body.examples[Number(event.target.value)]
          if (example) onPick(prettyJson(example.value))
        }}
      >
        <option value="">Fill the body with…</option>
        {body.examples.map((example, i) => (
          <option key={example.name} value={i}>
            {example.summary ? `${example.summary} (${example.name})` : example.name}
          </option>
        ))}
      </select>
    </label>
  )
}
