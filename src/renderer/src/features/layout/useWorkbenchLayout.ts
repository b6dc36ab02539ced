import { useCallback, useState } from 'react'
import { usePanelRef, type PanelImperativeHandle, type PanelSize } from 'react-resizable-panels'
import type { SidebarView, SplitOrientation } from './layout-storage'
import { useLayoutPrefs } from './useLayoutPrefs'

export interface WorkbenchLayout {
  view: SidebarView
  collapsed: boolean
  orientation: SplitOrientation
  sidebarRef: React.RefObject<PanelImperativeHandle | null>
  /** Shows a sidebar view, expanding the sidebar if it is hidden. */
  showView(view: SidebarView): void
  toggleSidebar(): void
  toggleOrientation(): void
  /** The sidebar panel's resize callback: a drag down to nothing collapses it like the button does. */
  onSidebarResize(size: PanelSize): void
}

/**
 * The workbench's layout state: which sidebar view shows, whether the sidebar is hidden, and how the request and
 * response are split; all remembered through layout-storage.ts. Ctrl+B (ui/keymap.ts) calls toggleSidebar.
 */
export function useWorkbenchLayout(): WorkbenchLayout {
  const { prefs, update } = useLayoutPrefs()
  const sidebarRef = usePanelRef()
  const [collapsed, setCollapsed] = useState(prefs.sidebarCollapsed)

  const setSidebar = useCallback(
    (hidden: boolean) => {
      setCollapsed(hidden)
      update({ sidebarCollapsed: hidden })
      const panel = sidebarRef.current
      if (!panel) return
      if (hidden && !panel.isCollapsed()) panel.collapse()
      if (!hidden && panel.isCollapsed()) panel.expand()
    },
    [sidebarRef, update]
  )

  const showView = useCallback(
    (view: SidebarView) => {
      update({ sidebarView: view })
      setSidebar(false)
    },
    [setSidebar, update]
  )

  const toggleSidebar = useCallback(() => setSidebar(!(sidebarRef.current?.isCollapsed() ?? collapsed)), [collapsed, setSidebar, sidebarRef])

  const toggleOrientation = useCallback(
    () => update({ orientation: prefs.orientation === 'horizontal' ? 'vertical' : 'horizontal' }),
    [prefs.orientation, update]
  )

  const onSidebarResize = useCallback(
    (size: PanelSize) => {
      const hidden = size.inPixels < 1
      setCollapsed((previous) => {
        if (previous !== hidden) update({ sidebarCollapsed: hidden })
        return hidden
      })
    },
    [update]
  )

  return { view: prefs.sidebarView, collapsed, orientation: prefs.orientation, sidebarRef, showView, toggleSidebar, toggleOrientation, onSidebarResize }
}
