/**
 * Every keyboard shortcut of the window, once: the listener (useKeymap.ts) and the shortcut sheet (Ctrl+/) both read
 * this table, so the sheet never lists a key that does nothing. `Mod` is Ctrl, or Cmd on macOS.
 */
export const KEYMAP = [
  { id: 'send', keys: 'Mod+Enter', label: 'Send the request', group: 'Request' },
  { id: 'cancel', keys: 'Escape', label: 'Cancel the running request', group: 'Request' },
  { id: 'save', keys: 'Mod+S', label: 'Save the request to its collection', group: 'Request' },
  { id: 'newTab', keys: 'Mod+T', label: 'New request tab', group: 'Tabs' },
  { id: 'closeTab', keys: 'Mod+W', label: 'Close the tab (asks when it has unsaved edits)', group: 'Tabs' },
  { id: 'nextTab', keys: 'Ctrl+Tab', label: 'Next tab', group: 'Tabs' },
  { id: 'previousTab', keys: 'Ctrl+Shift+Tab', label: 'Previous tab', group: 'Tabs' },
  { id: 'palette', keys: 'Mod+K', label: 'Command palette: operations, saved requests, environments, commands', group: 'Window' },
  { id: 'paletteAlt', keys: 'Mod+P', label: 'Command palette (as in editors)', group: 'Window' },
  { id: 'toggleSidebar', keys: 'Mod+B', label: 'Show or hide the sidebar', group: 'Window' },
  { id: 'shortcuts', keys: 'Mod+/', label: 'This list of shortcuts', group: 'Window' }
] as const

export type ShortcutId = (typeof KEYMAP)[number]['id']

export const isMac = (): boolean => typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)

/** Whether a key event is the shortcut written as `keys` ("Mod+Shift+Tab"). */
export function matches(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, keys: string, mac = isMac()): boolean {
  const parts = keys.split('+')
  const key = parts.pop() ?? ''
  const wants = new Set(parts)
  const mod = mac ? event.metaKey : event.ctrlKey
  const ctrl = wants.has('Ctrl') || (wants.has('Mod') && !mac)
  const meta = wants.has('Mod') && mac
  if (event.ctrlKey !== ctrl || event.metaKey !== meta || event.altKey !== wants.has('Alt') || event.shiftKey !== wants.has('Shift')) return false
  if (wants.has('Mod') && !mod) return false
  return event.key.toLowerCase() === key.toLowerCase()
}

/** "Ctrl+Shift+Tab" as shown to the user on this platform (⌘ on macOS). */
export function displayKeys(keys: string, mac = isMac()): string {
  return keys.replace('Mod', mac ? '⌘' : 'Ctrl')
}
