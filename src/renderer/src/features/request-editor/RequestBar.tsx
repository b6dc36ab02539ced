import type { SendState } from './useSendRequest'
import { formatBytes } from '../response-viewer/format'

interface Props {
  method: string
  url: string
  state: SendState
  onMethod(method: string): void
  onUrl(url: string): void
  onSend(): void
  onCancel(): void
}

// Same list as HTTP_METHODS in @shared/model/request; not imported from there because that module's value exports
// would pull zod into the initial renderer bundle.
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

const PHASE_LABELS = {
  connecting: 'Connecting…',
  sending: 'Sending…',
  waiting: 'Waiting for response…',
  receiving: 'Receiving…',
  done: 'Finishing…'
} as const

/** Method + URL + Send/Cancel, with the live phase and byte count of a running request. */
export function RequestBar({ method, url, state, onMethod, onUrl, onSend, onCancel }: Props): React.JSX.Element {
  const running = state.status === 'running'
  return (
    <form
      className="request-bar"
      aria-label="Request"
      onSubmit={(event) => {
        event.preventDefault()
        onSend()
      }}
    >
      <select aria-label="Method" data-testid="method" value={method} onChange={(event) => onMethod(event.target.value)}>
        {HTTP_METHODS.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
      <input
        type="text"
        className="url-input"
        aria-label="URL"
        data-testid="url"
        placeholder="https://api.example.com/v1/items  or  /path with an environment"
        spellCheck={false}
        autoComplete="off"
        value={url}
        onChange={(event) => onUrl(event.target.value)}
      />
      {running ? (
        <button type="button" className="danger" data-testid="cancel" onClick={onCancel} disabled={state.cancelling} title="Cancel (Esc)">
          {state.cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      ) : (
        <button type="submit" className="primary" data-testid="send" title="Send (Ctrl+Enter / ⌘+Enter)">
          Send
        </button>
      )}
      {running && (
        <span className="progress" role="status" data-testid="progress">
          <span className="spinner" aria-hidden="true" />
          {state.progress ? PHASE_LABELS[state.progress.phase] : 'Starting…'}
          {state.progress && state.progress.receivedBytes > 0 && (
            <>
              {' '}
              {formatBytes(state.progress.receivedBytes)}
              {state.progress.totalBytes !== null && ` of ${formatBytes(state.progress.totalBytes)}`}
            </>
          )}
        </span>
      )}
    </form>
  )
}
