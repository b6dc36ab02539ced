import { useEffect, useRef } from 'react'

/**
 * A native <dialog> opened with showModal(): the browser makes the rest of the page inert (focus stays inside) and
 * turns Escape into a "cancel" event, which the caller handles like its Close button.
 */
export function useModalDialog(onCancel: () => void): React.RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef(onCancel)
  useEffect(() => {
    cancelRef.current = onCancel
  }, [onCancel])
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (!dialog.open) dialog.showModal()
    const onCancelEvent = (event: Event): void => {
      // The parent unmounts the dialog; letting the browser close it first would leave React's state behind.
      event.preventDefault()
      cancelRef.current()
    }
    dialog.addEventListener('cancel', onCancelEvent)
    return () => {
      dialog.removeEventListener('cancel', onCancelEvent)
      if (dialog.open) dialog.close()
    }
  }, [])
  return ref
}
