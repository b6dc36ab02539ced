import { Icon } from '../../ui/Icon'
import type { SidebarView } from './layout-storage'

const VIEWS: ReadonlyArray<{ id: SidebarView; label: string }> = [
  { id: 'catalog', label: 'Catalog' },
  { id: 'collections', label: 'Collections' },
  { id: 'history', label: 'History' }
]

interface Props {
  view: SidebarView
  collapsed: boolean
  onView(view: SidebarView): void
  onToggle(): void
}

/**
 * The rail left of the sidebar: one tab per view (choosing one also shows a hidden sidebar) and a button that
 * shows or hides the sidebar (Ctrl+B).
 */
export function ActivityBar({ view, collapsed, onView, onToggle }: Props): React.JSX.Element {
  return (
    <nav className="activity-bar" aria-label="Sidebar views">
      <div role="tablist" aria-label="Sidebar" aria-orientation="vertical" className="activity-tabs">
        {VIEWS.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={`sidebar-tab-${item.id}`}
            aria-selected={item.id === view}
            aria-controls={`sidebar-view-${item.id}`}
            className={item.id === view && !collapsed ? 'activity-tab selected' : 'activity-tab'}
            title={item.label}
            data-testid={`sidebar-tab-${item.id}`}
            onClick={() => onView(item.id)}
          >
            <Icon name={item.id} size={18} />
            <span className="visually-hidden">{item.label}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="activity-tab activity-collapse"
        aria-expanded={!collapsed}
        aria-controls="sidebar"
        aria-label={collapsed ? 'Show sidebar' : 'Hide sidebar'}
        title={`${collapsed ? 'Show' : 'Hide'} sidebar (Ctrl+B)`}
        data-testid="sidebar-toggle"
        onClick={onToggle}
      >
        <Icon name="sidebar" size={18} />
      </button>
    </nav>
  )
}
