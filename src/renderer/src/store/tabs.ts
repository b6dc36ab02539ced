import { useStore } from 'zustand'
import { createTabsStore, type TabsActions, type TabsState } from './tabs-store'

/** The window's one tabs store (the tab strip, the tab views, the layout and the saved workspace read it). */
export const tabsStore = createTabsStore()

export function useTabs<T>(select: (state: TabsState & TabsActions) => T): T {
  return useStore(tabsStore, select)
}
