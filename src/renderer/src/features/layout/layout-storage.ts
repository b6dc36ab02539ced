import { z } from 'zod'
import type { LayoutStorage } from 'react-resizable-panels'
import { tabsStore } from '../../store/tabs'

/**
 * Where the workbench remembers its layout: pane sizes (written by react-resizable-panels through `paneStorage`)
 * and the few choices around them (sidebar view, collapsed, orientation). They live in the tabs store's `layout`,
 * which is saved with the open tabs in workspace.json in main, so they survive a reload and a restart.
 */

export const SIDEBAR_VIEWS = ['catalog', 'collections', 'history'] as const
export type SidebarView = (typeof SIDEBAR_VIEWS)[number]
export type SplitOrientation = 'horizontal' | 'vertical'

const PrefsSchema = z.object({
  sidebarView: z.enum(SIDEBAR_VIEWS),
  sidebarCollapsed: z.boolean(),
  orientation: z.enum(['horizontal', 'vertical'])
})
export type LayoutPrefs = z.infer<typeof PrefsSchema>

export const DEFAULT_PREFS: LayoutPrefs = { sidebarView: 'catalog', sidebarCollapsed: false, orientation: 'horizontal' }

const PREFIX = 'layout.'
const PREFS_KEY = `${PREFIX}prefs`

function read(key: string): string | null {
  const value = tabsStore.getState().layout[key]
  return typeof value === 'string' ? value : null
}

/** Saved with the open tabs in workspace.json (src/renderer/src/store/workspace-sync.ts). */
function write(key: string, value: string): void {
  tabsStore.getState().setLayout(key, value)
}

/** The saved choices; anything unreadable or from another shape falls back to the defaults field by field. */
export function loadPrefs(): LayoutPrefs {
  const text = read(PREFS_KEY)
  if (text === null) return DEFAULT_PREFS
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return DEFAULT_PREFS
  }
  const whole = PrefsSchema.safeParse(raw)
  if (whole.success) return whole.data
  const partial = PrefsSchema.partial().safeParse(raw)
  return partial.success ? { ...DEFAULT_PREFS, ...partial.data } : DEFAULT_PREFS
}

export function savePrefs(prefs: LayoutPrefs): void {
  write(PREFS_KEY, JSON.stringify(prefs))
}

/** Namespaced storage for the pane library's saved group layouts (it validates what it reads back itself). */
export const paneStorage: LayoutStorage = {
  getItem: (key) => read(`${PREFIX}panes.${key}`),
  setItem: (key, value) => write(`${PREFIX}panes.${key}`, value)
}
