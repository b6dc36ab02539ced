import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { CatalogOperation } from '@shared/catalog/types'
import type { RequestSpec } from '@shared/model/request'
import type { TabOrigin } from '@shared/model/workspace'
import { TlsWarningBanner } from './features/environments/TlsWarningBanner'
import { ProductionBanner } from './features/environments/manager/ProductionBanner'
import { NoticesBanner } from './features/notices/NoticesBanner'
import { useEnvironments, type Environments } from './features/environments/useEnvironments'
import { initialDraft, toSpec } from './features/request-editor/request-draft'
import type { SendState } from './features/request-editor/useSendRequest'
import { SettingsPanel } from './features/settings/SettingsPanel'
import { AuthPanel } from './features/auth/AuthPanel'
import { useSettings } from './features/settings/useSettings'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { CatalogSidebar } from './features/catalog/CatalogSidebar'
import { useCatalogs } from './features/catalog/useCatalogs'
import { draftForOperation } from './features/catalog/operation-form'
import { useColorScheme } from './ui/useColorScheme'
import { useKeymap } from './ui/useKeymap'
import { useLibrary } from './features/collections/useLibrary'
import { CollectionsPane } from './features/collections/CollectionsPane'
import { HistoryPane } from './features/history/HistoryPane'
import './features/collections/library.css'
import { CurlNotice } from './features/collections/CurlNotice'
import { SnippetPanel } from './features/snippets/SnippetPanel'
import { Workbench } from './features/layout/Workbench'
import { AppHeader, type DrawerId } from './features/layout/AppHeader'
import { useWorkbenchLayout } from './features/layout/useWorkbenchLayout'
import { TabStrip, tabLabel } from './features/tabs/TabStrip'
import { TabView, type TabHandle } from './features/tabs/TabView'
import { ConfirmCloseDialog } from './features/tabs/ConfirmCloseDialog'
import { CommandPalette } from './features/palette/CommandPalette'
import { ShortcutSheet } from './features/palette/ShortcutSheet'
import { usePaletteItems } from './features/palette/usePaletteItems'
import { seedDraft, useTabs, tabsStore } from './store/tabs'
import { isUnsaved } from './store/tabs-store'
import { showOpenedResponse, type OpenedResponse } from './store/opened-response'
import { Drawer } from './ui/Drawer'

const DRAWER_LABELS: Record<DrawerId, string> = { auth: 'Auth', settings: 'Settings', snippet: 'Snippet' }

/** The window once the saved workspace is restored (main.tsx waits for it): header, sidebar, tabs, drawers. */
export function App(): React.JSX.Element {
  const environments = useEnvironments()
  const settings = useSettings()
  const catalogs = useCatalogs()
  const scheme = useColorScheme(settings.settings?.theme ?? 'system')
  const tabs = useTabs((state) => state.tabs)
  const activeTabId = useTabs((state) => state.activeTabId)
  const activeTab = tabs.find((tab) => tab.id === activeTabId) ?? null
  // One drawer at a time, over the right of the workspace; the header buttons toggle theirs.
  const [drawer, setDrawer] = useState<DrawerId | null>(null)
  const toggleDrawer = (id: DrawerId): void => setDrawer((open) => (open === id ? null : id))
  const closeDrawer = useCallback(() => setDrawer(null), [])
  const [overlay, setOverlay] = useState<'palette' | 'shortcuts' | null>(null)
  const [closing, setClosing] = useState<string | null>(null)
  const layout = useWorkbenchLayout()
  const [hosts, setHosts] = useState<{ request: HTMLElement | null; response: HTMLElement | null }>({ request: null, response: null })
  const requestHost = useCallback((element: HTMLElement | null) => setHosts((previous) => (previous.request === element ? previous : { ...previous, request: element })), [])
  const responseHost = useCallback((element: HTMLElement | null) => setHosts((previous) => (previous.response === element ? previous : { ...previous, response: element })), [])

  // The active tab, as its view registered it: shortcuts, collections and drawers act on it.
  const handle = useRef<TabHandle | null>(null)
  const [activeState, setActiveState] = useState<SendState>({ status: 'idle' })
  const onActive = useCallback((next: TabHandle, state: SendState) => {
    handle.current = next
    setActiveState(state)
  }, [])

  const environmentId = activeTab?.environmentId ?? null
  const environment = environments.list.find((candidate) => candidate.id === environmentId) ?? null
  // The header's environment picker edits the active tab's environment.
  const tabEnvironments: Environments = {
    ...environments,
    selected: environment,
    selectedId: environment?.id ?? null,
    select(id) {
      if (activeTabId) tabsStore.getState().setEnvironment(activeTabId, id)
      environments.select(id)
    }
  }

  // The window opens on the built-in sandbox: a pristine blank tab without an environment gets the default one.
  const defaultEnvironment = environments.selectedId
  useEffect(() => {
    if (defaultEnvironment === null) return
    const { tabs: all, setEnvironment } = tabsStore.getState()
    for (const tab of all) if (tab.environmentId === null && tab.origin.kind === 'blank' && !isUnsaved(tab)) setEnvironment(tab.id, defaultEnvironment)
  }, [defaultEnvironment])

  // A tab opened from an operation gets its form back from the loaded catalogs (also after a restart).
  const operations = useMemo(() => {
    const byId = new Map<string, CatalogOperation>()
    if (catalogs.state.status === 'ready') for (const catalog of catalogs.state.catalogs) for (const op of catalog.operations) byId.set(op.id, op)
    return byId
  }, [catalogs.state])

  const openTab = useCallback((origin: TabOrigin, title: string, spec: RequestSpec, environmentFor: string | null) => {
    const before = tabsStore.getState()
    const previous = before.tabs.find((tab) => tab.id === before.activeTabId)
    const opened = before.open(origin, title, spec, environmentFor)
    // An untouched blank tab is replaced rather than left behind, as editors do.
    if (!opened.existed && previous && previous.origin.kind === 'blank' && !isUnsaved(previous)) tabsStore.getState().close(previous.id)
    return opened
  }, [])

  /** The active tab's environment if it is for this API, else the first environment for it (the sandbox's first). */
  const environmentForApi = useCallback(
    (api: string): string | null => {
      if (environment?.api === api) return environment.id
      const matching = environments.list.filter((candidate) => candidate.api === api)
      return (matching.find((candidate) => candidate.sandbox) ?? matching[0])?.id ?? environmentId
    },
    [environment, environments.list, environmentId]
  )

  // Stable, because the catalog's virtualised rows keep the callback they were drawn with.
  const pickEnvironment = useRef(environmentForApi)
  useLayoutEffect(() => {
    pickEnvironment.current = environmentForApi
  })
  const openOperation = useCallback(
    (op: CatalogOperation) => {
      const draft = draftForOperation(op)
      const { id, existed } = openTab({ kind: 'operation', operationId: op.id }, op.summary || `${op.method} ${op.path}`, toSpec(draft), pickEnvironment.current(op.api))
      if (!existed) seedDraft(id, draft)
    },
    [openTab]
  )

  const library = useLibrary({
    update: (patch) => handle.current?.update(patch),
    current: () => handle.current?.current() ?? initialDraft(),
    environmentId,
    operationId: activeTab?.origin.kind === 'operation' ? activeTab.origin.operationId : null,
    sendState: activeState,
    onOpen(origin, title, spec, opened?: OpenedResponse) {
      const { id } = openTab(origin, title, spec, environmentId)
      if (opened) showOpenedResponse(id, opened)
    },
    onSaved(saved, spec) {
      if (activeTabId) tabsStore.getState().markSaved(activeTabId, spec, { kind: 'saved', ...saved }, saved.name)
    }
  })
  const { showView } = layout
  // Ctrl+S opens the save form in the Collections view: bring that view into sight.
  useEffect(() => {
    if (library.saveFormOpen) showView('collections')
  }, [library.saveFormOpen, showView])
  // Ctrl+S overwrites the saved request the active tab shows (none for other tabs).
  const { follow } = library.collections
  const savedOrigin = activeTab?.origin.kind === 'saved' ? activeTab.origin : null
  // The origin object keeps its identity while the tab's draft changes (tabs-store.ts patches only what changed).
  useEffect(() => {
    follow(savedOrigin ? { folder: savedOrigin.folder, path: savedOrigin.path, id: savedOrigin.id, name: savedOrigin.name } : null)
  }, [follow, savedOrigin])

  const requestClose = useCallback((id: string) => {
    const tab = tabsStore.getState().tabs.find((candidate) => candidate.id === id)
    if (tab && isUnsaved(tab)) setClosing(id)
    else tabsStore.getState().close(id)
  }, [])

  useKeymap({
    send: () => handle.current?.send(),
    cancel: () => handle.current?.cancel(),
    save: () => library.save(),
    newTab: () => tabsStore.getState().openBlank(environmentId),
    closeTab: () => activeTabId && requestClose(activeTabId),
    nextTab: () => tabsStore.getState().cycle(1),
    previousTab: () => tabsStore.getState().cycle(-1),
    palette: () => setOverlay('palette'),
    paletteAlt: () => setOverlay('palette'),
    toggleSidebar: layout.toggleSidebar,
    shortcuts: () => setOverlay('shortcuts')
  })

  const paletteItems = usePaletteItems({
    catalogs: catalogs.state.status === 'ready' ? catalogs.state.catalogs : [],
    collections: library.collections.list,
    environments: environments.list,
    onOperation: openOperation,
    onSaved: library.openSaved,
    onEnvironment: (id) => tabEnvironments.select(id),
    commands: {
      newTab: () => tabsStore.getState().openBlank(environmentId),
      closeTab: () => activeTabId && requestClose(activeTabId),
      toggleSidebar: layout.toggleSidebar,
      toggleOrientation: layout.toggleOrientation,
      auth: () => setDrawer('auth'),
      settings: () => setDrawer('settings'),
      snippet: () => setDrawer('snippet'),
      shortcuts: () => setOverlay('shortcuts'),
      showCatalog: () => showView('catalog'),
      showCollections: () => showView('collections'),
      showHistory: () => showView('history')
    }
  })

  const vertical = layout.orientation === 'vertical'
  const closingTab = tabs.find((tab) => tab.id === closing)
  const state = tabsStore.getState()
  return (
    <div className="app">
      <AppHeader environments={tabEnvironments} drawer={drawer} onDrawer={toggleDrawer} vertical={vertical} onToggleOrientation={layout.toggleOrientation} />
      <TlsWarningBanner environment={environment} />
      <ProductionBanner environment={environment} />
      <NoticesBanner />
      <Workbench
        layout={layout}
        views={{
          catalog: (
            <ErrorBoundary area="catalog">
              <CatalogSidebar catalogs={catalogs} preferredApi={environment?.api} openId={activeTab?.origin.kind === 'operation' ? activeTab.origin.operationId : null} onOpen={openOperation} />
            </ErrorBoundary>
          ),
          collections: (
            <ErrorBoundary area="collections">
              <CollectionsPane library={library} />
            </ErrorBoundary>
          ),
          history: (
            <ErrorBoundary area="history">
              <HistoryPane history={library.history} onOpen={library.openHistory} />
            </ErrorBoundary>
          )
        }}
        tabs={<TabStrip tabs={tabs} activeTabId={activeTabId} onActivate={state.activate} onClose={requestClose} onNew={() => state.openBlank(environmentId)} onMove={state.move} />}
        request={<div className="tab-host" ref={requestHost} />}
        response={<div className="tab-host" ref={responseHost} />}
        overlay={
          drawer && (
            <Drawer key={drawer} id={drawer} label={DRAWER_LABELS[drawer]} onClose={closeDrawer} width={drawer === 'snippet' ? '560px' : '420px'}>
              {drawer === 'settings' && <SettingsPanel state={settings} onClose={closeDrawer} />}
              {drawer === 'auth' && <AuthPanel environments={tabEnvironments} refreshKey={activeState} onClose={closeDrawer} />}
              {drawer === 'snippet' && activeTab && (
                <ErrorBoundary area="snippet">
                  <SnippetPanel spec={activeTab.request} environmentId={environmentId} scheme={scheme} onClose={closeDrawer} />
                </ErrorBoundary>
              )}
            </Drawer>
          )
        }
      />
      {hosts.request &&
        hosts.response &&
        tabs.map((tab) => (
          <TabView
            key={tab.id}
            tab={tab}
            active={tab.id === activeTabId}
            operation={tab.origin.kind === 'operation' ? (operations.get(tab.origin.operationId) ?? null) : null}
            environment={environments.list.find((candidate) => candidate.id === tab.environmentId) ?? null}
            scheme={scheme}
            hosts={{ request: hosts.request as HTMLElement, response: hosts.response as HTMLElement }}
            onUrl={library.onUrl}
            onActive={onActive}
            onOpenAuth={() => setDrawer('auth')}
            refreshKey={drawer === 'auth'}
            notice={<CurlNotice library={library} />}
          />
        ))}
      {closingTab && (
        <ConfirmCloseDialog
          title={tabLabel(closingTab)}
          onKeep={() => setClosing(null)}
          onDiscard={() => {
            setClosing(null)
            tabsStore.getState().close(closingTab.id)
          }}
        />
      )}
      <CommandPalette open={overlay === 'palette'} items={paletteItems} onClose={() => setOverlay(null)} />
      <ShortcutSheet open={overlay === 'shortcuts'} onClose={() => setOverlay(null)} />
    </div>
  )
}
