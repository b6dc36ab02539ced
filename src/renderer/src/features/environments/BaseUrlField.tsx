import { useState } from 'react'
import type { Environment } from '@shared/model/environment'
import { call, toErrorShape } from '../../api/client'

interface Props {
  environment: Environment
  onSaved(): void
}

/**
 * The selected environment's base URL, editable where it is shown: Enter or leaving the field saves it (main writes
 * environments.json atomically), Escape puts the saved value back. The sandbox's URL is set by the app on every
 * start, so it is shown read-only. The parent keys this by environment id, so switching starts from the saved value.
 */
/** Main deletes the stored secrets when the origin changes (src/main/core/environment-save.ts). */
const MOVE_NOTE = "Enter or leave the field to save. Moving to another host removes this environment's stored secrets: enter them again."

export function BaseUrlField({ environment, onSaved }: Props): React.JSX.Element {
  const [text, setText] = useState(environment.baseUrl)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const save = (): void => {
    const value = text.trim()
    if (value === environment.baseUrl) return
    if (value !== '' && !(URL.canParse(value) && /^https?:$/.test(new URL(value).protocol))) {
      setError('Enter an http(s) URL such as https://tenant.goskope.com')
      return
    }
    setSaving(true)
    call('environment:save', { ...environment, baseUrl: value })
      .then(() => {
        setError(null)
        onSaved()
      })
      .catch((failure: unknown) => setError(toErrorShape(failure).message))
      .finally(() => setSaving(false))
  }

  return (
    <label className="toolbar-field base-url-field">
      <span>Base URL</span>
      <input
        data-testid="environment-base-url"
        value={text}
        readOnly={environment.sandbox}
        title={environment.sandbox ? 'Set by the built-in sandbox each time the app starts' : MOVE_NOTE}
        placeholder="https://"
        spellCheck={false}
        aria-invalid={error !== null}
        disabled={saving}
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save()
          if (event.key === 'Escape') {
            setText(environment.baseUrl)
            setError(null)
          }
        }}
      />
      {error && (
        <span className="inline-error" role="alert" data-testid="base-url-error">
          {error}
        </span>
      )}
    </label>
  )
}
