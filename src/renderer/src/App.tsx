import { useCallback, useEffect, useState } from 'react'
import { vendorById } from '@shared/vendors/registry'
import { EnvironmentSelect } from './features/environments/EnvironmentSelect'
import { TlsWarningBanner } from './features/environments/TlsWarningBanner'
import { NoticesBanner } from './features/notices/NoticesBanner'
import { useEnvironments } from './features/environments/useEnvironments'
import { RequestPreview } from './features/environments/RequestPreview'
import { RequestBar } from './features/request-editor/RequestBar'
import { RequestTabs } from './features/request-editor/RequestTabs'
import { draftProblem, toSpec } from './features/request-editor/request-draft'
import { useRequestDraft } from './features/request-editor/useRequestDraft'
import { useSendRequest } from './features/request-editor/useSendRequest'
import { ConfirmUploadDialog } from './features/request-editor/ConfirmUploadDialog'
import { ResponsePanel } from './features/response-viewer/ResponsePanel'
import { SettingsPanel } from './features/settings/SettingsPanel'
import { AuthPanel } from './features/auth/AuthPanel'
import { useSettings } from './features/settings/useSettings'
import { ErrorBoundary } from './ui/ErrorBoundary'
import { CatalogSidebar } from './features/catalog/CatalogSidebar'
import { OperationPanel } from './features/catalog/OperationPanel'
import { useOpenOperation } from './features/catalog/useOpenOperation'
import { useColorScheme } from './ui/useColorScheme'
import { useShortcuts } from './ui/useShortcuts'
import { useLibrary } from './features/collections/useLibrary'
import { CollectionsPane } from './features/collections/CollectionsPane'
import { HistoryPane } from './features/history/HistoryPane'
import './features/collections/library.css'
import { CurlNotice } from './features/collections/CurlNotice'
import { SnippetPanel } from './features/snippets/SnippetPanel'
import { IteratorPanel } from './features/iterator/IteratorPanel'
import { Workbench } from './features/layout/Workbench'
import { useWorkbenchLayout } from './features/layout/useWorkbenchLayout'
import { Drawer } from './ui/Drawer'
import { Icon } from './ui/Icon'

type DrawerId = 'auth' | 'settings' | 'snippet'
const DRAWER_LABELS: Record<DrawerId, string> = { auth: 'Auth', settings: 'Settings', snippet: 'Snippet' }

export function App(): React.JSX.Element {
  const { draft, update, current } = useRequestDraft()
  const request = useSendRequest()
  const environments = useEnvironments()
  const settings = useSettings()
  const scheme = useColorScheme(settings.settings?.theme ?? 'system')
  // One drawer at a time, over the right of the workspace; the header buttons toggle theirs.
  const [drawer, setDrawer] = useState<DrawerId | null>(null)
  const toggleDrawer = (id: DrawerId): void => setDrawer((open) => (open === id ? null : id))
  const closeDrawer = useCallback(() => setDrawer(null), [])
  const showAuth = drawer === 'auth'
  const layout = useWorkbenchLayout()
  const catalog = useOpenOperation(update)
  const library = useLibrary({ update, current, environmentId: environments.selectedId, operationId: catalog.operation?.id ?? null, sendState: request.state })
  const { showView } = layout
  // Ctrl+S opens the save form in the Collections view: bring that view into sight.
  useEffect(() => {
    if (library.saveFormOpen) showView('collections')
  }, [library.saveFormOpen, showView])

  const send = useCallback(() => {
    if (request.state.status === 'running') return
    const latest = current()
    const problem = draftProblem(latest)
    if (problem) request.fail(problem)
    else request.send(toSpec(latest), environments.selectedId)
  }, [current, environments.selectedId, request])

  const cancel = useCallback(() => {
    if (request.state.status === 'running') request.cancel()
  }, [request])

  useShortcuts({ onSend: send, onCancel: cancel })

  const vertical = layout.orientation === 'vertical'
  return (
    <div className="app">
      <header className="app-header">
        <h1 title="CloudSec API Explorer">CloudSec API Explorer</h1>
        <div className="header-tools">
          <EnvironmentSelect environments={environments} />
          <button type="button" aria-expanded={drawer === 'settings'} aria-controls="settings" data-testid="settings-toggle" onClick={() => toggleDrawer('settings')}>
            Settings
          </button>
          <button type="button" aria-expanded={showAuth} aria-controls="auth" data-testid="auth-toggle" onClick={() => toggleDrawer('auth')}>
            Auth
          </button>
          <button type="button" aria-expanded={drawer === 'snippet'} aria-controls="snippet" data-testid="snippet-toggle" onClick={() => toggleDrawer('snippet')}>
            Snippet
          </button>
          <button
            type="button"
            className="icon-only"
            aria-pressed={vertical}
            aria-label="Stack request above response"
            title={vertical ? 'Request and response stacked (click for side by side)' : 'Request and response side by side (click to stack)'}
            data-testid="orientation-toggle"
            onClick={layout.toggleOrientation}
          >
            <Icon name={vertical ? 'splitRows' : 'splitColumns'} />
          </button>
        </div>
      </header>
      <TlsWarningBanner environment={environments.selected} />
      {request.pendingUpload && (
        <ConfirmUploadDialog files={request.pendingUpload.files} onUpload={request.confirmUpload} onCancel={request.dismissUpload} />
      )}
      <NoticesBanner />
      <Workbench
        layout={layout}
        views={{
          catalog: (
            <ErrorBoundary area="catalog">
              <CatalogSidebar preferredApi={environments.selected?.api} openId={catalog.operation?.id ?? null} onOpen={catalog.open} />
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
        request={
          <section className="request-panel" aria-label="Request editor" data-testid="request-editor">
            <ErrorBoundary area="request editor">
              <RequestBar
                method={draft.method}
                url={draft.url}
                state={request.state}
                onMethod={(method) => update({ method })}
                onUrl={library.onUrl}
                onSend={send}
                onCancel={cancel}
              />
              <CurlNotice library={library} />
            </ErrorBoundary>
            {catalog.operation && (
              <ErrorBoundary area="operation form">
                <OperationPanel
                  key={catalog.operation.id}
                  operation={catalog.operation}
                  baseUrl={environments.selected?.baseUrl ?? ''}
                  draft={draft}
                  current={current}
                  onChange={update}
                  onClose={catalog.close}
                />
              </ErrorBoundary>
            )}
            <ErrorBoundary area="request parts">
              {environments.selected && vendorById(environments.selected.api)?.panels?.dataExportIterator === true && (
                <IteratorPanel key={environments.selected.id} environmentId={environments.selected.id} url={draft.url} refreshKey={showAuth} onOpenAuth={() => setDrawer('auth')} />
              )}
              <RequestTabs draft={draft} scheme={scheme} onChange={update} />
              <RequestPreview spec={toSpec(draft)} environment={environments.selected} />
            </ErrorBoundary>
          </section>
        }
        response={
          <ErrorBoundary area="response viewer">
            <ResponsePanel state={request.state} scheme={scheme} />
          </ErrorBoundary>
        }
        overlay={
          drawer && (
            <Drawer key={drawer} id={drawer} label={DRAWER_LABELS[drawer]} onClose={closeDrawer} width={drawer === 'snippet' ? '560px' : '420px'}>
              {drawer === 'settings' && <SettingsPanel state={settings} onClose={closeDrawer} />}
              {drawer === 'auth' && <AuthPanel environments={environments} refreshKey={request.state} onClose={closeDrawer} />}
              {drawer === 'snippet' && (
                <ErrorBoundary area="snippet">
                  <SnippetPanel spec={toSpec(draft)} environmentId={environments.selectedId} scheme={scheme} onClose={closeDrawer} />
                </ErrorBoundary>
              )}
            </Drawer>
          )
        }
      />
    </div>
  )
}
