import { z } from 'zod'
import type { LayoutStorage } from 'react-resizable-panels'

/**
 * Where the workbench remembers its layout: pane sizes (written by react-resizable-panels through `paneStorage`)
 * and the few choices around them (sidebar view, collapsed, orientation). Everything goes through this module, so
 * moving it from localStorage to a workspace store in main later changes this file only.
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

const PREFIX = 'cloudsec.layout.'
const PREFS_KEY = `${PREFIX}prefs`

/** The browser's storage, or none (private modes and tests can refuse it); a missing store means defaults. */
function backing(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

function read(key: string): string | null {
  try {
    return backing()?.getItem(key) ?? null
  } catch {
    return null
  }
}

function write(key: string, value: string): void {
  try {
    backing()?.setItem(key, value)
  } catch {
    // A full or refused store only costs the remembered layout, never the session.
  }
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
