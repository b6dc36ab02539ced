import type { ReactNode } from 'react'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { ActivityBar } from './ActivityBar'
import { paneStorage, type SidebarView } from './layout-storage'
import type { WorkbenchLayout } from './useWorkbenchLayout'
import './layout.css'

interface Props {
  layout: WorkbenchLayout
  views: Record<SidebarView, ReactNode>
  /** The request tab strip, above the request and response. */
  tabs: ReactNode
  request: ReactNode
  response: ReactNode
  /** A drawer over the workspace (see ui/Drawer.tsx), or nothing. */
  overlay: ReactNode
}

const VIEW_ORDER: readonly SidebarView[] = ['catalog', 'collections', 'history']

/**
 * Activity rail | sidebar (one view at a time) | request and response, side by side or stacked. Every split is a
 * react-resizable-panels group whose sizes are saved through layout-storage.ts; the views stay mounted while
 * hidden so a search or a half-typed form survives switching.
 */
export function Workbench({ layout, views, tabs, request, response, overlay }: Props): React.JSX.Element {
  const outer = useDefaultLayout({ id: 'workbench', storage: paneStorage })
  const sideBySide = useDefaultLayout({ id: 'main-horizontal', storage: paneStorage })
  const stacked = useDefaultLayout({ id: 'main-vertical', storage: paneStorage })
  const vertical = layout.orientation === 'vertical'
  const main = vertical ? stacked : sideBySide
  return (
    <div className="app-body">
      <ActivityBar view={layout.view} collapsed={layout.collapsed} onView={layout.showView} onToggle={layout.toggleSidebar} />
      <Group id="workbench" className="workbench" orientation="horizontal" defaultLayout={outer.defaultLayout} onLayoutChanged={outer.onLayoutChanged}>
        <Panel
          id="sidebar"
          panelRef={layout.sidebarRef}
          collapsible
          collapsedSize={0}
          minSize={200}
          defaultSize={264}
          maxSize="50%"
          groupResizeBehavior="preserve-pixel-size"
          onResize={layout.onSidebarResize}
        >
          <aside className="sidebar" aria-label="Sidebar" inert={layout.collapsed}>
            {VIEW_ORDER.map((view) => (
              <div
                key={view}
                id={`sidebar-view-${view}`}
                role="tabpanel"
                aria-labelledby={`sidebar-tab-${view}`}
                className={`sidebar-view sidebar-view-${view}`}
                hidden={view !== layout.view}
              >
                {views[view]}
              </div>
            ))}
          </aside>
        </Panel>
        <Separator className="resize-handle" aria-label="Resize sidebar" />
        <Panel id="main-area" minSize={320}>
          <div className="main-column">
          {tabs}
          <Group
            key={layout.orientation}
            id={`main-${layout.orientation}`}
            className="main-split"
            orientation={layout.orientation}
            defaultLayout={main.defaultLayout}
            onLayoutChanged={main.onLayoutChanged}
          >
            <Panel id="request-pane" className="pane" minSize={vertical ? 120 : 280} defaultSize={vertical ? '55%' : '56%'}>
              {request}
            </Panel>
            <Separator className="resize-handle" aria-label="Resize request and response" />
            <Panel id="response-pane" className="pane" minSize={vertical ? 100 : 240}>
              {response}
            </Panel>
          </Group>
          </div>
        </Panel>
      </Group>
      {overlay}
    </div>
  )
}
