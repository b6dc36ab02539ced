import { createStore } from 'zustand/vanilla'
import { emptyRequest, type RequestSpec } from '@shared/model/request'
import type { TabOrigin, Workspace, WorkspaceTab } from '@shared/model/workspace'

/**
 * The open request tabs: which exist, in what order, which is active, and what each holds as last reported by its
 * editor. Each tab's live editor state (draft rows, response, iterator) lives in its own mounted view; this store is
 * what the tab strip, the shortcuts and the saved workspace (workspace.json in main) need.
 */
export interface TabsState {
  tabs: WorkspaceTab[]
  activeTabId: string | null
  /** Layout preferences by key (pane sizes, sidebar view); persisted with the tabs. */
  layout: Workspace['layout']
}

export interface TabsActions {
  /** Focuses the tab already showing `origin`, else opens a new one after the active tab. Returns its id. */
  open(origin: TabOrigin, title: string, request: RequestSpec, environmentId: string | null): { id: string; existed: boolean }
  /** A blank request tab, focused. */
  openBlank(environmentId: string | null): string
  /** Removes the tab and focuses its right neighbour (else its left); the last tab closed leaves one blank tab. */
  close(id: string): void
  activate(id: string): void
  /** Ctrl+Tab (+1) and Ctrl+Shift+Tab (-1), wrapping around. */
  cycle(step: 1 | -1): void
  /** Drag and drop in the tab strip: the tab moves to `index` among the tabs. */
  move(id: string, index: number): void
  /** The editor's latest request for the tab. */
  update(id: string, request: RequestSpec): void
  setEnvironment(id: string, environmentId: string | null): void
  /** After a save: the saved request becomes the baseline (no unsaved mark) and the tab's origin and title follow it. */
  markSaved(id: string, request: RequestSpec, origin: TabOrigin, title: string): void
  setLayout(key: string, value: Workspace['layout'][string]): void
  hydrate(workspace: Workspace): void
}

export type TabsStore = ReturnType<typeof createTabsStore>

let counter = 0
function newTabId(): string {
  counter += 1
  const random = typeof crypto.randomUUID === 'function' ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10)
  return `tab-${Date.now().toString(36)}-${counter}-${random}`
}

/** Two origins are the same thing opened twice (the same operation, saved file or history entry). */
export function sameOrigin(a: TabOrigin, b: TabOrigin): boolean {
  switch (a.kind) {
    case 'blank':
      return false
    case 'operation':
      return b.kind === 'operation' && a.operationId === b.operationId
    case 'saved':
      return b.kind === 'saved' && a.folder === b.folder && a.path === b.path
    case 'history':
      return b.kind === 'history' && a.entryId === b.entryId
  }
}

/** The tab has edits that are not saved: it differs from what it was opened or saved as (a blank tab: from empty). */
export function isUnsaved(tab: WorkspaceTab): boolean {
  return JSON.stringify(tab.request) !== JSON.stringify(tab.baseline ?? emptyRequest())
}

function blankTab(environmentId: string | null): WorkspaceTab {
  return { id: newTabId(), title: 'New request', request: emptyRequest(), environmentId, origin: { kind: 'blank' }, baseline: null }
}

export function createTabsStore(initial?: Partial<TabsState>) {
  return createStore<TabsState & TabsActions>()((set, get) => {
    const patchTab = (id: string, patch: Partial<WorkspaceTab>): void =>
      set((state) => ({ tabs: state.tabs.map((tab) => (tab.id === id ? { ...tab, ...patch } : tab)) }))
    const insertAfterActive = (tab: WorkspaceTab): void =>
      set((state) => {
        const at = state.tabs.findIndex((candidate) => candidate.id === state.activeTabId)
        const tabs = [...state.tabs]
        tabs.splice(at < 0 ? tabs.length : at + 1, 0, tab)
        return { tabs, activeTabId: tab.id }
      })
    return {
      tabs: [],
      activeTabId: null,
      layout: {},
      ...initial,
      open(origin, title, request, environmentId) {
        const existing = get().tabs.find((tab) => sameOrigin(tab.origin, origin))
        if (existing) {
          set({ activeTabId: existing.id })
          return { id: existing.id, existed: true }
        }
        const tab: WorkspaceTab = { id: newTabId(), title: title.slice(0, 200), request, environmentId, origin, baseline: request }
        insertAfterActive(tab)
        return { id: tab.id, existed: false }
      },
      openBlank(environmentId) {
        const tab = blankTab(environmentId)
        insertAfterActive(tab)
        return tab.id
      },
      close(id) {
        const { tabs, activeTabId } = get()
        const at = tabs.findIndex((tab) => tab.id === id)
        if (at < 0) return
        const rest = tabs.filter((tab) => tab.id !== id)
        if (rest.length === 0) {
          const blank = blankTab(tabs[at]?.environmentId ?? null)
          set({ tabs: [blank], activeTabId: blank.id })
          return
        }
        const next = activeTabId === id ? (rest[at] ?? rest[at - 1] ?? null)?.id ?? null : activeTabId
        set({ tabs: rest, activeTabId: next })
      },
      activate(id) {
        if (get().tabs.some((tab) => tab.id === id)) set({ activeTabId: id })
      },
      cycle(step) {
        const { tabs, activeTabId } = get()
        if (tabs.length === 0) return
        const at = tabs.findIndex((tab) => tab.id === activeTabId)
        const next = tabs[(at + step + tabs.length) % tabs.length]
        if (next) set({ activeTabId: next.id })
      },
      move(id, index) {
        set((state) => {
          const tab = state.tabs.find((candidate) => candidate.id === id)
          if (!tab) return {}
          const tabs = state.tabs.filter((candidate) => candidate.id !== id)
          tabs.splice(Math.max(0, Math.min(index, tabs.length)), 0, tab)
          return { tabs }
        })
      },
      update: (id, request) => patchTab(id, { request }),
      setEnvironment: (id, environmentId) => patchTab(id, { environmentId }),
      markSaved: (id, request, origin, title) => patchTab(id, { request, baseline: request, origin, title: title.slice(0, 200) }),
      setLayout: (key, value) => set((state) => ({ layout: { ...state.layout, [key]: value } })),
      hydrate(workspace) {
        const tabs = workspace.tabs.length > 0 ? workspace.tabs : [blankTab(null)]
        const active = tabs.some((tab) => tab.id === workspace.activeTabId) ? workspace.activeTabId : (tabs[0]?.id ?? null)
        set({ tabs, activeTabId: active, layout: workspace.layout })
      }
    }
  })
}

/** What workspace:save gets: the tabs, the active one and the layout. */
export function toWorkspace(state: TabsState): Workspace {
  return { tabs: state.tabs, activeTabId: state.activeTabId, layout: state.layout }
}
