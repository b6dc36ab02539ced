import { useCallback, useMemo } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import { urlWithoutQuery } from '@shared/model/url-query'
import type { RequestDraft } from '../request-editor/request-draft'
import { Badges } from './Badges'
import { RequestExamplePicker } from './RequestExamplePicker'
import { ResponseExamples } from './ResponseExamples'
import { exampleValues, formParameters, formPatch, missingRequired, paramKey, previewUrl, prettyJson, valuesFromDraft } from './operation-form'
import { ParamField } from './ParamField'
import { useBodySchema } from './useBodySchema'

interface Props {
  operation: CatalogOperation
  baseUrl: string
  draft: RequestDraft
  /** The latest draft, including edits not rendered yet. */
  current(): RequestDraft
  onChange(patch: Partial<RequestDraft>): void
  onClose(): void
}

/** The open operation: what it does, its badges, and a form whose edits flow into the request editor. */
export function OperationPanel({ operation: op, baseUrl, draft, current, onChange, onClose }: Props): React.JSX.Element {
  // The form is a view of the draft: edits in the URL bar or the Params / Headers tabs show here too.
  const values = useMemo(() => valuesFromDraft(op, draft), [op, draft])
  const params = useMemo(() => formParameters(op), [op])
  const hidden = useMemo(() => op.parameters.filter((p) => p.in !== 'cookie' && !params.includes(p)).map((p) => p.name), [op, params])
  const missing = missingRequired(op, values)

  useBodySchema(op)

  const set = useCallback(
    (key: string, value: string) => {
      const latest = current()
      onChange(formPatch(op, { ...valuesFromDraft(op, latest), [key]: value }, latest))
    },
    [op, current, onChange]
  )

  const fillAll = (): void => {
    const latest = current()
    onChange(formPatch(op, exampleValues(op, valuesFromDraft(op, latest)), latest))
    const example = op.requestBody?.examples[0]
    if (example && current().bodyKind === 'json') onChange({ jsonText: prettyJson(example.value) })
  }

  return (
    <section className="operation-panel" aria-label="Operation" data-testid="operation-panel" data-op-id={op.id}>
      <header className="operation-head">
        <span className={`method method-${op.method.toLowerCase()}`}>{op.method}</span>
        <code className="operation-path">{op.path}</code>
        <button type="button" className="small operation-close" aria-label="Close operation" onClick={onClose}>
          ×
        </button>
      </header>
      <p className="operation-summary">
        <strong>{op.summary}</strong> <Badges op={op} badges={op.badges} />
      </p>
      {op.extensions.caution && (
        <p className="inline-warning" data-testid="operation-caution">
          {op.extensions.caution}
        </p>
      )}
      {op.description && (
        <details className="operation-description">
          <summary>Description</summary>
          <p>{op.description}</p>
        </details>
      )}
      <p className="url-preview" data-testid="url-preview" title="The URL this request goes to">
        <span className="muted">URL </span>
        {previewUrl(baseUrl, urlWithoutQuery(draft.url.trim()), draft.query)}
      </p>
      {params.length > 0 && (
        <div className="param-form" data-testid="param-form">
          {params.map((p) => (
            <ParamField key={paramKey(p)} param={p} value={values[paramKey(p)] ?? ''} onChange={(v) => set(paramKey(p), v)} />
          ))}
        </div>
      )}
      {hidden.length > 0 && (
        <p className="muted param-credential-note" data-testid="credential-note">
          {hidden.join(', ')}: added from the environment&apos;s auth when the request is sent.
        </p>
      )}
      <div className="operation-actions">
        <button type="button" onClick={fillAll} data-testid="fill-examples">
          Fill all examples
        </button>
        {op.requestBody && draft.bodyKind === 'json' && (
          <RequestExamplePicker body={op.requestBody} onPick={(jsonText) => onChange({ jsonText })} />
        )}
        {missing.length > 0 && (
          <span className="param-missing-note" data-testid="missing-required">
            Required: {missing.join(', ')}
          </span>
        )}
      </div>
      <ResponseExamples op={op} />
    </section>
  )
}
