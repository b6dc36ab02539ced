import { useDeferredValue, useMemo } from 'react'
import type { BodyKind } from '@shared/model/request'
import { LazyCodeEditor } from '../../editor/LazyCodeEditor'
import { KeyValueTable } from '../../ui/KeyValueTable'
import type { ColorScheme } from '../../ui/useColorScheme'
import { MultipartTable } from './MultipartTable'
import { jsonProblem, type RequestDraft } from './request-draft'

interface Props {
  draft: RequestDraft
  scheme: ColorScheme
  onChange(patch: Partial<RequestDraft>): void
}

const KINDS: readonly { id: BodyKind; label: string }[] = [
  { id: 'none', label: 'None' },
  { id: 'json', label: 'JSON' },
  { id: 'text', label: 'Text' },
  { id: 'form', label: 'Form (urlencoded)' },
  { id: 'multipart', label: 'Multipart' }
]

export function BodyEditor({ draft, scheme, onChange }: Props): React.JSX.Element {
  // Parsing runs on a deferred copy so typing in a large body stays responsive.
  const deferredJson = useDeferredValue(draft.jsonText)
  const problem = useMemo(() => (draft.bodyKind === 'json' ? jsonProblem(deferredJson) : null), [draft.bodyKind, deferredJson])

  return (
    <div className="body-editor">
      <fieldset className="body-kinds">
        <legend className="visually-hidden">Body type</legend>
        {KINDS.map((kind) => (
          <label key={kind.id}>
            <input
              type="radio"
              name="body-kind"
              value={kind.id}
              checked={draft.bodyKind === kind.id}
              onChange={() => onChange({ bodyKind: kind.id })}
            />
            {kind.label}
          </label>
        ))}
      </fieldset>

      {draft.bodyKind === 'none' && <p className="muted">This request has no body.</p>}

      {draft.bodyKind === 'json' && (
        <>
          {problem && (
            <p className="inline-warning" role="status" data-testid="json-warning">
              Not valid JSON — will be sent as text. ({problem})
            </p>
          )}
          <LazyCodeEditor
            testId="body-json-editor"
            label="JSON body"
            path="request-body.json"
            language="json"
            scheme={scheme}
            value={draft.jsonText}
            onChange={(jsonText) => onChange({ jsonText })}
          />
        </>
      )}

      {draft.bodyKind === 'text' && (
        <>
          <label className="inline-field">
            Content-Type
            <input
              type="text"
              value={draft.textContentType}
              spellCheck={false}
              onChange={(event) => onChange({ textContentType: event.target.value })}
            />
          </label>
          <textarea
            className="body-text"
            aria-label="Text body"
            data-testid="body-text"
            spellCheck={false}
            value={draft.text}
            onChange={(event) => onChange({ text: event.target.value })}
          />
        </>
      )}

      {draft.bodyKind === 'form' && (
        <KeyValueTable noun="field" testId="form-table" rows={draft.form} onChange={(form) => onChange({ form })} />
      )}

      {draft.bodyKind === 'multipart' && (
        <MultipartTable rows={draft.multipart} onChange={(multipart) => onChange({ multipart })} />
      )}
    </div>
  )
}
