import { useEffect, useRef } from 'react'
import { displayKeys, KEYMAP } from '../../ui/keymap'
import './palette.css'

/** Ctrl+/: every shortcut, from the same table the listener uses (ui/keymap.ts). */
export function ShortcutSheet({ open, onClose }: { open: boolean; onClose(): void }): React.JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const element = dialog.current
    if (open && element && !element.open) element.showModal()
    else if (!open && element?.open) element.close()
  }, [open])
  const groups = [...new Set(KEYMAP.map((shortcut) => shortcut.group))]
  return (
    <dialog ref={dialog} className="shortcut-sheet" aria-labelledby="shortcut-sheet-title" data-testid="shortcut-sheet" onClose={onClose} onCancel={onClose}>
      <header>
        <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      {groups.map((group) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl>
            {KEYMAP.filter((shortcut) => shortcut.group === group).map((shortcut) => (
              <div key={shortcut.id}>
                <dt>
                  <kbd>{displayKeys(shortcut.keys)}</kbd>
                </dt>
                <dd>{shortcut.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  )
}
