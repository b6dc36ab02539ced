import { useState } from 'react'
import type { SendResult } from '@shared/model/response'
import { Tabs } from '../../ui/Tabs'
import type { ColorScheme } from '../../ui/useColorScheme'
import type { SendState } from '../request-editor/useSendRequest'
import { ErrorPanel } from './ErrorPanel'
import { HeadersTable } from './HeadersTable'
import { ResponseBody } from './ResponseBody'
import { StatusLine } from './StatusLine'
import { TimingChart } from './TimingChart'

type TabId = 'body' | 'headers' | 'request'

function Result({ result, scheme }: { result: SendResult; scheme: ColorScheme }): React.JSX.Element {
  const [tab, setTab] = useState<TabId>('body')
  const tabs = [
    { id: 'body', label: 'Body' },
    { id: 'headers', label: `Headers (${result.headers.length})` },
    { id: 'request', label: 'Sent request' }
  ] as const
  return (
    <>
      <StatusLine result={result} />
      <TimingChart timings={result.timings} />
      {result.warnings.length > 0 && (
        <ul className="warnings" data-testid="warnings" aria-label="Warnings">
          {result.warnings.map((warning, index) => (
            <li key={index}>⚠ {warning}</li>
          ))}
        </ul>
      )}
      {result.redirects.length > 0 && (
        <p className="muted" data-testid="redirects">
          Followed {result.redirects.length} redirect{result.redirects.length > 1 ? 's' : ''} to {result.url}
        </p>
      )}
      <Tabs<TabId> label="Response parts" idPrefix="response" tabs={tabs} selected={tab} onSelect={setTab} />
      <div className="tab-panel response-tab" role="tabpanel" id="response-panel" aria-labelledby={`response-tab-${tab}`}>
        {tab === 'body' && <ResponseBody result={result} scheme={scheme} />}
        {tab === 'headers' && <HeadersTable headers={result.headers} testId="response-headers" />}
        {tab === 'request' && (
          <div data-testid="request-echo">
            <p className="echo-line">
              <strong>{result.requestEcho.method}</strong> <code>{result.requestEcho.url}</code>
            </p>
            <HeadersTable headers={result.requestEcho.headers} testId="request-echo-headers" />
          </div>
        )}
      </div>
    </>
  )
}

/** Whatever the last send produced: nothing yet, in progress, cancelled, an error, or a response. */
export function ResponsePanel({ state, scheme }: { state: SendState; scheme: ColorScheme }): React.JSX.Element {
  return (
    <section className="response-panel" aria-label="Response" data-testid="response-panel">
      {state.status === 'idle' && <p className="placeholder" data-testid="not-sent">Not sent yet. Send the request (Ctrl+Enter) to see its response here.</p>}
      {state.status === 'running' && <p className="placeholder">Waiting for the response…</p>}
      {state.status === 'cancelled' && (
        <p className="notice" role="status" data-testid="cancelled">
          Request cancelled.
        </p>
      )}
      {state.status === 'error' && <ErrorPanel error={state.error} />}
      {state.status === 'done' && <Result key={state.result.responseId} result={state.result} scheme={scheme} />}
    </section>
  )
}
