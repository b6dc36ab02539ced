import type { ReactNode } from 'react'

export interface TabDef<T extends string> {
  id: T
  label: ReactNode
}

interface Props<T extends string> {
  label: string
  tabs: readonly TabDef<T>[]
  selected: T
  onSelect(id: T): void
  idPrefix: string
}

/** A WAI-ARIA tab list; the caller renders the panel with id `${idPrefix}-panel`. */
export function Tabs<T extends string>({ label, tabs, selected, onSelect, idPrefix }: Props<T>): React.JSX.Element {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`${idPrefix}-panel`}
          className={tab.id === selected ? 'tab selected' : 'tab'}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  )
}
