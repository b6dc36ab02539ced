import { useCallback, useState } from 'react'
import { vendorById } from '@shared/vendors/registry'
import { EnvironmentSelect } from './features/environments/EnvironmentSelect'
import { TlsWarningBanner } from './features/environments/TlsWarningBanner'
import { ProductionBanner } from './features/environments/manager/ProductionBanner'
import { ProductionSendDialog } from './features/environments/manager/ProductionSendDialog'
import { useProductionGuard } from './features/environments/manager/useProductionGuard'
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
import { LibrarySidebar } from './features/collections/LibrarySidebar'
import { CurlNotice } from './features/collections/CurlNotice'
import { SnippetPanel } from './features/snippets/SnippetPanel'
import { IteratorPanel } from './features/iterator/IteratorPanel'

export function App(): React.JSX.Element {
  const { draft, update, current } = useRequestDraft()
  const request = useSendRequest()
  const environments = useEnvironments()
  const guard = useProductionGuard(request.send, environments.list)
  const settings = useSettings()
  const scheme = useColorScheme(settings.settings?.theme ?? 'system')
  const [showSettings, setShowSettings] = useState(false)
  const [showAuth, setShowAuth] = useState(false)
  const catalog = useOpenOperation(update)
  const library = useLibrary({ update, current, environmentId: environments.selectedId, operationId: catalog.operation?.id ?? null, sendState: request.state })
  const [showSnippet, setShowSnippet] = useState(false)

  const send = useCallback(() => {
    if (request.state.status === 'running') return
    const latest = current()
    const problem = draftProblem(latest)
    if (problem) request.fail(problem)
    else guard.send(toSpec(latest), environments.selectedId)
  }, [current, environments.selectedId, request, guard])

  const cancel = useCallback(() => {
    if (request.state.status === 'running') request.cancel()
  }, [request])

  useShortcuts({ onSend: send, onCancel: cancel })

  return (
    <div className="app">
      <header className="app-header">
        <h1>CloudSec API Explorer</h1>
        <div className="header-tools">
          <EnvironmentSelect environments={environments} />
          <button
            type="button"
            aria-expanded={showSettings}
            aria-controls="settings"
            data-testid="settings-toggle"
            onClick={() => setShowSettings((open) => !open)}
          >
            Settings
          </button>
          <button type="button" aria-expanded={showAuth} aria-controls="auth" data-testid="auth-toggle" onClick={() => setShowAuth((open) => !open)}>
            Auth
          </button>
          <button type="button" aria-expanded={showSnippet} data-testid="snippet-toggle" onClick={() => setShowSnippet((open) => !open)}>
            Snippet
          </button>
        </div>
      </header>
      <TlsWarningBanner environment={environments.selected} />
      <ProductionBanner environment={environments.selected} />
      {guard.pending && <ProductionSendDialog pending={guard.pending} onConfirm={guard.confirm} onCancel={guard.cancel} />}
      {request.pendingUpload && (
        <ConfirmUploadDialog files={request.pendingUpload.files} onUpload={request.confirmUpload} onCancel={request.dismissUpload} />
      )}
      <NoticesBanner />
      {showSettings && (
        <div id="settings">
          <SettingsPanel state={settings} onClose={() => setShowSettings(false)} />
        </div>
      )}
      {showAuth && (
        <div id="auth">
          <AuthPanel environments={environments} refreshKey={request.state} onClose={() => setShowAuth(false)} />
        </div>
      )}
      <div className="app-body">
      <ErrorBoundary area="catalog">
        <CatalogSidebar preferredApi={environments.selected?.api} openId={catalog.operation?.id ?? null} onOpen={catalog.open} />
      </ErrorBoundary>
      <main className="workspace">
        <section className="request-panel" aria-label="Request editor">
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
            {environments.selected && vendorById(environments.selected.api)?.panels?.dataExportIterator === true && (
              <IteratorPanel key={environments.selected.id} environmentId={environments.selected.id} url={draft.url} refreshKey={showAuth} onOpenAuth={() => setShowAuth(true)} />
            )}
            <RequestTabs draft={draft} scheme={scheme} onChange={update} />
            <RequestPreview spec={toSpec(draft)} environment={environments.selected} />
            {showSnippet && (
              <SnippetPanel spec={toSpec(draft)} environmentId={environments.selectedId} scheme={scheme} onClose={() => setShowSnippet(false)} />
            )}
          </ErrorBoundary>
        </section>
        <ErrorBoundary area="response viewer">
          <ResponsePanel state={request.state} scheme={scheme} />
        </ErrorBoundary>
      </main>
      <ErrorBoundary area="collections">
        <LibrarySidebar library={library} />
      </ErrorBoundary>
      </div>
    </div>
  )
}
