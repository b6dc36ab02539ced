import { useState } from 'react'
import type { WorkspaceTab } from '@shared/model/workspace'
import { isUnsaved } from '../../store/tabs-store'
import './tabs.css'

interface Props {
  tabs: readonly WorkspaceTab[]
  activeTabId: string | null
  onActivate(id: string): void
  /** Asks first when the tab has unsaved edits (the caller's dialog). */
  onClose(id: string): void
  onNew(): void
  onMove(id: string, index: number): void
}

/** A tab's label: its title, or for a blank tab the method and path typed so far. */
export function tabLabel(tab: WorkspaceTab): string {
  if (tab.origin.kind !== 'blank') return tab.title
  const path = tab.request.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? ''
  return path ? `${tab.request.method} ${path}` : tab.title
}

/**
 * The open requests, one tab each: click to switch, middle-click or × to close, drag to reorder, + for a new one.
 * A dot marks unsaved edits. Keyboard: the strip is a tablist (arrow keys move between tabs), plus the window's
 * Ctrl+T / Ctrl+W / Ctrl+Tab (ui/keymap.ts).
 */
export function TabStrip({ tabs, activeTabId, onActivate, onClose, onNew, onMove }: Props): React.JSX.Element {
  const [dragged, setDragged] = useState<string | null>(null)
  const focusTab = (index: number): void => {
    const tab = tabs[(index + tabs.length) % tabs.length]
    if (!tab) return
    onActivate(tab.id)
    document.getElementById(`request-tab-${tab.id}`)?.focus()
  }
  return (
    <div className="tab-strip">
      <div role="tablist" aria-label="Open requests" className="tab-list" data-testid="tab-strip">
        {tabs.map((tab, index) => {
          const active = tab.id === activeTabId
          const unsaved = isUnsaved(tab)
          const label = tabLabel(tab)
          return (
            <div
              key={tab.id}
              className={`request-tab${active ? ' active' : ''}${dragged === tab.id ? ' dragging' : ''}`}
              draggable
              onDragStart={(event) => {
                setDragged(tab.id)
                event.dataTransfer.effectAllowed = 'move'
                event.dataTransfer.setData('text/plain', tab.id)
              }}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault()
                const id = event.dataTransfer.getData('text/plain') || dragged
                if (id) onMove(id, index)
                setDragged(null)
              }}
              onDragEnd={() => setDragged(null)}
              onAuxClick={(event) => {
                if (event.button === 1) onClose(tab.id)
              }}
              onMouseDown={(event) => {
                // Middle-click would otherwise start autoscroll.
                if (event.button === 1) event.preventDefault()
              }}
            >
              <button
                type="button"
                role="tab"
                id={`request-tab-${tab.id}`}
                aria-selected={active}
                tabIndex={active ? 0 : -1}
                className="request-tab-label"
                title={unsaved ? `${label} (unsaved changes)` : label}
                data-testid="request-tab"
                data-unsaved={unsaved || undefined}
                onClick={() => onActivate(tab.id)}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowRight') focusTab(index + 1)
                  else if (event.key === 'ArrowLeft') focusTab(index - 1)
                }}
              >
                <span className="request-tab-method">{tab.request.method}</span>
                <span className="request-tab-title">{label.replace(/^[A-Z]+ /, '')}</span>
                {unsaved && <span className="request-tab-dot" aria-label="unsaved changes" data-testid="tab-unsaved" />}
              </button>
              <button type="button" className="request-tab-close" aria-label={`Close ${label}`} data-testid="tab-close" onClick={() => onClose(tab.id)}>
                ×
              </button>
            </div>
          )
        })}
      </div>
      <button type="button" className="tab-new" aria-label="New request tab (Ctrl+T)" title="New request tab (Ctrl+T)" data-testid="tab-new" onClick={onNew}>
        +
      </button>
    </div>
  )
}
