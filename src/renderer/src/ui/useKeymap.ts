import { useEffect, useLayoutEffect, useRef } from 'react'
import { KEYMAP, matches, type ShortcutId } from './keymap'

export type KeyHandlers = Partial<Record<ShortcutId, () => void>>

/**
 * Runs the handler of a shortcut pressed anywhere in the window (KEYMAP in keymap.ts). Listening in the capture
 * phase lets Ctrl+Enter win over Monaco (which would otherwise insert a line) without wiring a command into every
 * editor. Escape only cancels when nothing else (a dialog, a menu) took it first.
 */
export function useKeymap(handlers: KeyHandlers): void {
  const latest = useRef(handlers)
  useLayoutEffect(() => {
    latest.current = handlers
  })
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      for (const shortcut of KEYMAP) {
        const run = latest.current[shortcut.id]
        if (!run || !matches(event, shortcut.keys)) continue
        if (shortcut.id === 'cancel') {
          if (!event.defaultPrevented) run()
          return
        }
        event.preventDefault()
        event.stopPropagation()
        run()
        return
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
