import { useState } from 'react'
import type { RequestSpec } from '@shared/model/request'
import { LazyCodeEditor } from '../../editor/LazyCodeEditor'
import { Tabs } from '../../ui/Tabs'
import type { ColorScheme } from '../../ui/useColorScheme'
import { call, toErrorShape } from '../../api/client'
import { useSnippet, type SnippetLanguage } from './useSnippet'
import '../collections/library.css'

interface Props {
  spec: RequestSpec
  environmentId: string | null
  scheme: ColorScheme
  onClose(): void
}

const TABS: ReadonlyArray<{ id: SnippetLanguage; label: string }> = [
  { id: 'python', label: 'Python' },
  { id: 'curl', label: 'cURL' }
]

/** "Export as Python / cURL": the request as a runnable snippet, with copy and save-to-file. */
export function SnippetPanel({ spec, environmentId, scheme, onClose }: Props): React.JSX.Element {
  const [language, setLanguage] = useState<SnippetLanguage>('python')
  const [inline, setInline] = useState(false)
  const [note, setNote] = useState<string | null>(null)
  const state = useSnippet(spec, environmentId, language, inline)
  const code = state.status === 'ready' ? state.snippet.code : ''

  // Copy and save are main-side: main regenerates the snippet (inserting secrets only when asked) and writes the
  // clipboard or the file itself, so the renderer never holds a secret value.
  const request = { spec, environmentId, language, inlineSecrets: inline }
  const copy = (): void => {
    call('snippet:copy', request)
      .then(() => setNote(inline ? 'Copied to the clipboard, with the secret values.' : 'Copied to the clipboard.'))
      .catch((error: unknown) => setNote(toErrorShape(error).message))
  }
  const save = (): void => {
    call('snippet:save', request)
      .then(({ path }) => setNote(path ? `Saved to ${path}.` : null))
      .catch((error: unknown) => setNote(toErrorShape(error).message))
  }

  return (
    <section className="snippet-panel" aria-label="Snippet" data-testid="snippet-panel">
      <div className="snippet-toolbar">
        <Tabs<SnippetLanguage> label="Snippet language" tabs={TABS} selected={language} onSelect={setLanguage} idPrefix="snippet" />
        <label>
          <input type="checkbox" checked={inline} onChange={(event) => setInline(event.target.checked)} /> Include secrets
        </label>
        <button type="button" onClick={copy} disabled={code === ''}>
          Copy
        </button>
        <button type="button" onClick={save} disabled={code === ''}>
          Export to file…
        </button>
        <button type="button" aria-label="Close snippet" onClick={onClose}>
          Close
        </button>
      </div>
      {inline && (
        <p className="snippet-warning" role="alert">
          Copy and Export will put the secret values from the vault into the snippet (shown masked here). Do not share, commit
          or paste it anywhere others can read it.
        </p>
      )}
      {state.status === 'ready' && state.snippet.envVars.length > 0 && (
        <p className="muted">
          Reads {state.snippet.envVars.map((v) => `${v.name} (${v.what})`).join(', ')} from the environment
          {language === 'python' ? ', or asks for it.' : '.'}
        </p>
      )}
      {note && <p className="muted" role="status">{note}</p>}
      {state.status === 'error' ? (
        <p className="collection-message error" role="alert" data-testid="snippet-error">
          {state.message}
        </p>
      ) : (
        <div id="snippet-panel" role="tabpanel" aria-labelledby={`snippet-tab-${language}`}>
          <LazyCodeEditor
            testId="snippet-editor"
            value={state.status === 'ready' ? code : '…'}
            language={language === 'python' ? 'python' : 'shell'}
            scheme={scheme}
            label={`${language === 'python' ? 'Python' : 'cURL'} snippet`}
            path={`snippet.${language === 'python' ? 'py' : 'sh'}`}
            readOnly
          />
          <details>
            <summary>Plain text</summary>
            <pre data-testid="snippet-text">{code}</pre>
          </details>
        </div>
      )}
    </section>
  )
}
