import { useCallback, useEffect, useLayoutEffect, useRef } from 'react'
import { createPortal } from 'react-dom'
import type { CatalogOperation } from '@shared/catalog/types'
import type { Environment } from '@shared/model/environment'
import type { WorkspaceTab } from '@shared/model/workspace'
import { vendorById } from '@shared/vendors/registry'
import { RequestPreview } from '../environments/RequestPreview'
import { RequestBar } from '../request-editor/RequestBar'
import { RequestTabs } from '../request-editor/RequestTabs'
import { draftProblem, toSpec, type RequestDraft } from '../request-editor/request-draft'
import { coherentDraft } from '../request-editor/query-sync'
import { useRequestDraft } from '../request-editor/useRequestDraft'
import { useSendRequest, type SendState } from '../request-editor/useSendRequest'
import { ConfirmUploadDialog } from '../request-editor/ConfirmUploadDialog'
import { ProductionSendDialog } from '../environments/manager/ProductionSendDialog'
import { useProductionGuard } from '../environments/manager/useProductionGuard'
import { ResponsePanel } from '../response-viewer/ResponsePanel'
import { OperationPanel } from '../catalog/OperationPanel'
import { useOpenOperation } from '../catalog/useOpenOperation'
import { specToDraft } from '../collections/spec-to-draft'
import { IteratorPanel } from '../iterator/IteratorPanel'
import { ErrorBoundary } from '../../ui/ErrorBoundary'
import { forgetSeed, seedOf, tabsStore } from '../../store/tabs'

/** What the window (shortcuts, collections, drawers) does to the active tab. */
export interface TabHandle {
  current(): RequestDraft
  update(patch: Partial<RequestDraft>): void
  send(): void
  cancel(): void
  operationId: string | null
}

interface Props {
  tab: WorkspaceTab
  active: boolean
  /** The catalog operation it was opened from, when this session knows it (its form and checks). */
  operation: CatalogOperation | null
  environment: Environment | null
  scheme: 'light' | 'dark'
  hosts: { request: HTMLElement; response: HTMLElement }
  /** The URL bar's input: a pasted cURL command is imported (features/collections/useLibrary.ts). */
  onUrl(text: string): void
  /** The active tab registers how to reach it, and reports its send state (the auth drawer refreshes on it). */
  onActive(handle: TabHandle, state: SendState): void
  onOpenAuth(): void
  refreshKey: unknown
  notice?: React.ReactNode
}

const NO_ENVIRONMENTS: readonly Environment[] = []

/** Where a send goes: when it changes, the last response no longer belongs to the request and is cleared. */
function target(environmentId: string | null, draft: RequestDraft): string {
  return `${environmentId ?? ''} ${draft.method} ${draft.url.split(/[?#]/)[0] ?? ''}`
}

/**
 * One request tab: its own draft, environment, operation form, iterator and response. Every open tab stays mounted,
 * so switching tabs keeps each one's state (and a send in flight) without a store for every field; it draws into
 * the request and response panes through portals.
 */
export function TabView(props: Props): React.JSX.Element {
  const { tab, active, environment, hosts } = props
  const { draft, update, current } = useRequestDraft(() => seedOf(tab.id) ?? coherentDraft(specToDraft(tab.request)))
  useEffect(() => forgetSeed(tab.id), [tab.id])
  const request = useSendRequest(tab.id)
  const catalog = useOpenOperation(update)
  const environmentId = environment?.id ?? null
  // A production environment asks before anything but GET/HEAD is sent.
  const guard = useProductionGuard(request.send, environment ? [environment] : NO_ENVIRONMENTS)

  // The form of the operation it came from; a restored tab gets it back once the catalog is loaded.
  const { attach } = catalog
  useEffect(() => {
    if (props.operation) attach(props.operation)
  }, [props.operation, attach])

  // The tab strip, the snippet drawer and the saved workspace follow the draft.
  useEffect(() => {
    tabsStore.getState().update(tab.id, toSpec(draft))
  }, [draft, tab.id])

  const sentTo = useRef(target(environmentId, draft))
  const { reset } = request
  useEffect(() => {
    if (target(environmentId, draft) !== sentTo.current) reset()
  }, [draft, environmentId, reset])

  const send = useCallback(() => {
    if (request.state.status === 'running') return
    const latest = current()
    const problem = draftProblem(latest)
    sentTo.current = target(environmentId, latest)
    if (problem) request.fail(problem)
    else guard.send(toSpec(latest), environmentId)
  }, [current, environmentId, request, guard])
  const cancel = useCallback(() => {
    if (request.state.status === 'running') request.cancel()
  }, [request])

  const latest = useRef(props)
  useLayoutEffect(() => {
    latest.current = props
  })
  const operationId = catalog.operation?.id ?? null
  useEffect(() => {
    if (active) latest.current.onActive({ current, update, send, cancel, operationId }, request.state)
  }, [active, current, update, send, cancel, operationId, request.state])

  // Drawn for the active tab only: a background tab costs no editors, and the page holds one request editor and one
  // response viewer at a time. (An iterator run goes on in main while its tab is in the background; the panel shows
  // the saved position when the tab is back.)
  const requestPart = (
    <section className="request-panel" aria-label="Request editor" data-testid={active ? 'request-editor' : undefined} hidden={!active}>
      {active && (
        <ErrorBoundary area="request editor">
          <RequestBar method={draft.method} url={draft.url} state={request.state} onMethod={(method) => update({ method })} onUrl={props.onUrl} onSend={send} onCancel={cancel} />
          {props.notice}
        </ErrorBoundary>
      )}
      {active && guard.pending && <ProductionSendDialog pending={guard.pending} onConfirm={guard.confirm} onCancel={guard.cancel} />}
      {active && request.pendingUpload && <ConfirmUploadDialog files={request.pendingUpload.files} onUpload={request.confirmUpload} onCancel={request.dismissUpload} />}
      {active && catalog.operation && (
        <ErrorBoundary area="operation form">
          <OperationPanel key={catalog.operation.id} operation={catalog.operation} baseUrl={environment?.baseUrl ?? ''} draft={draft} current={current} onChange={update} onClose={catalog.close} />
        </ErrorBoundary>
      )}
      <ErrorBoundary area="request parts">
        {active && environment && vendorById(environment.api)?.panels?.dataExportIterator === true && (
          <IteratorPanel key={environment.id} environmentId={environment.id} url={draft.url} refreshKey={props.refreshKey} onOpenAuth={props.onOpenAuth} />
        )}
        {active && <RequestTabs draft={draft} scheme={props.scheme} onChange={update} />}
        {active && <RequestPreview spec={toSpec(draft)} environment={environment} />}
      </ErrorBoundary>
    </section>
  )
  const responsePart = active && (
    <ErrorBoundary area="response viewer">
      <ResponsePanel state={request.state} scheme={props.scheme} />
    </ErrorBoundary>
  )
  return (
    <>
      {createPortal(requestPart, hosts.request)}
      {createPortal(responsePart, hosts.response)}
    </>
  )
}
