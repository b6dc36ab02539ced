import { useEffect, useLayoutEffect, useRef } from 'react'

interface Shortcuts {
  onSend(): void
  onCancel(): void
}

/**
 * Ctrl+Enter / Cmd+Enter sends and Esc cancels, from anywhere in the window. Listening in the capture phase lets
 * Ctrl+Enter win over Monaco (which would otherwise insert a line) without wiring a command into every editor.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts)
  useLayoutEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault()
        event.stopPropagation()
        latest.current.onSend()
      } else if (event.key === 'Escape' && !event.defaultPrevented) {
        latest.current.onCancel()
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
