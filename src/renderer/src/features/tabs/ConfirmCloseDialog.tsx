import { useEffect, useRef } from 'react'

/** Closing a tab with unsaved edits asks first; Escape or "Keep it open" keeps it. */
export function ConfirmCloseDialog({ title, onDiscard, onKeep }: { title: string; onDiscard(): void; onKeep(): void }): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
  }, [])
  return (
    <dialog ref={dialog} className="confirm-close" aria-labelledby="confirm-close-title" data-testid="confirm-close" onCancel={onKeep}>
      <h2 id="confirm-close-title">Close “{title}”?</h2>
      <p>It has changes that are not saved to a collection. Closing the tab loses them.</p>
      <div className="settings-actions">
        <button type="button" autoFocus onClick={onKeep} data-testid="confirm-close-keep">
          Keep it open
        </button>
        <button type="button" className="danger" onClick={onDiscard} data-testid="confirm-close-discard">
          Close without saving
        </button>
      </div>
    </dialog>
  )
}
