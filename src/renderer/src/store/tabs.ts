import { useStore } from 'zustand'
import { createTabsStore, type TabsActions, type TabsState } from './tabs-store'
import type { RequestDraft } from '../features/request-editor/request-draft'

/** The window's one tabs store (the tab strip, the tab views, the layout and the saved workspace read it). */
export const tabsStore = createTabsStore()

export function useTabs<T>(select: (state: TabsState & TabsActions) => T): T {
  return useStore(tabsStore, select)
}

const seeds = new Map<string, RequestDraft>()

/**
 * The editor draft a new tab opens with, when it holds more than its request says (an operation's file parts not
 * chosen yet, the bodies of other kinds); taken once by the tab's view.
 */
export function seedDraft(tabId: string, draft: RequestDraft): void {
  seeds.set(tabId, draft)
}

/** Read in the view's state initialiser (React may call it twice), forgotten once the view has mounted. */
export function seedOf(tabId: string): RequestDraft | undefined {
  return seeds.get(tabId)
}

export function forgetSeed(tabId: string): void {
  seeds.delete(tabId)
}
