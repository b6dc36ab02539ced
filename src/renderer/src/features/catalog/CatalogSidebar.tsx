import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import { Badges } from './Badges'
import { ROW_HEIGHT, browseRows, orderCatalogs, searchRows, sidebarBadges, type CatalogRow } from './catalog-rows'
import type { Catalogs } from './useCatalogs'
import { CatalogGroupHeader } from './CatalogGroupHeader'
import { ImportCatalogBar } from './ImportCatalogBar'
import { VirtualList } from './VirtualList'
import './catalog.css'

interface Props {
  /** Loaded once for the window (the palette and restored tabs read them too). */
  catalogs: Catalogs
  /** The selected environment's API: its catalog is listed first. */
  preferredApi: string | null | undefined
  openId: string | null
  onOpen(op: CatalogOperation): void
}

const heightOf = (row: CatalogRow): number => ROW_HEIGHT[row.kind]
const keyOf = (row: CatalogRow): string => row.key

/** The endpoint catalog: browse by API and tag, or fuzzy-search and open with the keyboard (Ctrl+K: the palette). */
export function CatalogSidebar({ catalogs, preferredApi, openId, onOpen }: Props): React.JSX.Element {
  const { state, showReport, remove } = catalogs
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const [active, setActive] = useState(0)
  const search = useRef<HTMLInputElement>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set())
  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    []
  )

  const ordered = useMemo(
    () => (state.status === 'ready' ? orderCatalogs(state.catalogs, preferredApi) : []),
    [state, preferredApi]
  )
  // One stable array per ordering, so the search index (cached per array) is built once, not per keystroke.
  const all = useMemo(() => ordered.flatMap((c) => c.operations), [ordered])
  const importedTitles = useMemo(() => new Map(ordered.flatMap((c) => (c.imported ? [[c.imported.id, c.title] as const] : []))), [ordered])
  const rows = useMemo(
    () => (deferredQuery.trim() === '' ? browseRows(ordered, collapsed) : searchRows(all, deferredQuery, importedTitles)),
    [deferredQuery, ordered, all, collapsed, importedTitles]
  )
  const picks = useMemo(() => rows.filter((r): r is Extract<CatalogRow, { kind: 'op' }> => r.kind === 'op'), [rows])

  // A new result list starts with its first row selected (state adjusted during render, not in an effect).
  const [activeFor, setActiveFor] = useState(rows)
  if (activeFor !== rows) {
    setActiveFor(rows)
    setActive(0)
  }

  const onKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLInputElement>) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault()
        setActive((i) => Math.min(i + 1, picks.length - 1))
      } else if (event.key === 'ArrowUp') {
        event.preventDefault()
        setActive((i) => Math.max(i - 1, 0))
      } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
        const row = picks[active]
        if (row) {
          event.preventDefault()
          onOpen(row.op)
        }
      } else if (event.key === 'Escape' && query !== '') {
        // Handled here so Esc clears the search instead of also cancelling a running request.
        event.preventDefault()
        setQuery('')
      }
    },
    [picks, active, onOpen, query]
  )

  const activeRow = picks[active]
  const activeIndex = activeRow ? rows.indexOf(activeRow) : null

  const render = useCallback(
    (row: CatalogRow): React.ReactNode => {
      if (row.kind === 'api' || row.kind === 'tag') {
        return <CatalogGroupHeader row={row} onToggle={toggle} onReport={showReport} onRemove={remove} />
      }
      const op = row.op
      const classes = ['catalog-op']
      if (row.pick === active) classes.push('active')
      if (op.id === openId) classes.push('open')
      if (op.deprecated) classes.push('deprecated')
      return (
        <div
          className={classes.join(' ')}
          role="option"
          id={`catalog-pick-${row.pick}`}
          aria-selected={row.pick === active}
          data-testid="catalog-op"
          data-op-id={op.id}
          title={`${op.method} ${op.path}`}
          onClick={() => onOpen(op)}
          onMouseMove={() => setActive(row.pick)}
        >
          <div className="catalog-op-line">
            <span className={`method method-${op.method.toLowerCase()}`}>{op.method}</span>
            <span className="catalog-op-summary">{op.summary || op.path}</span>
          </div>
          <div className="catalog-op-line catalog-op-sub">
            <span className="catalog-op-path">{row.apiTitle ? `${row.apiTitle} · ${op.path}` : op.path}</span>
            <Badges op={op} badges={sidebarBadges(op)} />
          </div>
        </div>
      )
    },
    [active, openId, onOpen, toggle, showReport, remove]
  )

  return (
    <aside className="catalog-sidebar" aria-label="Endpoint catalog">
      <input
        ref={search}
        type="search"
        className="catalog-search"
        placeholder="Search endpoints"
        aria-label="Search endpoints"
        aria-controls="catalog-list"
        aria-activedescendant={activeRow ? `catalog-pick-${activeRow.pick}` : undefined}
        data-testid="catalog-search"
        value={query}
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <ImportCatalogBar catalogs={catalogs} />
      {state.status === 'loading' && <p className="muted catalog-note">Loading catalogs…</p>}
      {state.status === 'error' && (
        <p className="inline-warning catalog-note" role="alert">
          Could not load the built-in catalogs: {state.message}
        </p>
      )}
      {state.status === 'ready' && deferredQuery.trim() !== '' && picks.length === 0 && (
        <p className="muted catalog-note">No endpoint matches “{deferredQuery}”.</p>
      )}
      <VirtualList
        items={rows}
        heightOf={heightOf}
        keyOf={keyOf}
        render={render}
        activeIndex={activeIndex}
        id="catalog-list"
        label="Endpoints"
        testId="catalog-list"
      />
    </aside>
  )
}
