import { useState } from 'react'
import { call, toErrorShape } from '../../../api/client'
import { formatBytes } from '../format'

/** "Save body to file…": main opens the save dialog and copies the kept body; the renderer only sees the outcome. */
export function SaveBodyButton({ responseId }: { responseId: string }): React.JSX.Element {
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null)
  const [saving, setSaving] = useState(false)

  const save = (): void => {
    setSaving(true)
    setNote(null)
    call('response:save-body', { responseId })
      .then(({ path, bytes }) => setNote(path === null ? null : { text: `Saved ${formatBytes(bytes)} to ${path}`, error: false }))
      .catch((failure: unknown) => setNote({ text: toErrorShape(failure).message, error: true }))
      .finally(() => setSaving(false))
  }

  return (
    <>
      <button type="button" data-testid="save-body" onClick={save} disabled={saving}>
        {saving ? 'Saving…' : 'Save body to file…'}
      </button>
      {note && (
        <span className={note.error ? 'inline-error' : 'muted'} role={note.error ? 'alert' : 'status'} data-testid="save-body-note">
          {note.text}
        </span>
      )}
    </>
  )
}
