import { useState } from 'react'
import type { Settings } from '@shared/model/settings'
import type { SettingsState } from './useSettings'

interface Props {
  state: SettingsState
  onClose(): void
}

function Form({ settings, save, onClose }: { settings: Settings; save: SettingsState['save']; onClose(): void }): React.JSX.Element {
  const [connect, setConnect] = useState(String(settings.connectTimeoutMs))
  const [total, setTotal] = useState(String(settings.totalTimeoutMs))
  const [theme, setTheme] = useState(settings.theme)
  const [weakStorage, setWeakStorage] = useState(settings.weakSecretStorageAccepted)
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null)

  const submit = async (): Promise<void> => {
    setMessage(null)
    const connectTimeoutMs = Number(connect)
    const totalTimeoutMs = Number(total)
    if (!Number.isInteger(connectTimeoutMs) || !Number.isInteger(totalTimeoutMs)) {
      setMessage({ kind: 'error', text: 'Timeouts must be whole numbers of milliseconds.' })
      return
    }
    // Only the fields shown here: settings this panel does not show stay as they are in main.
    const error = await save({ connectTimeoutMs, totalTimeoutMs, theme, weakSecretStorageAccepted: weakStorage })
    setMessage(error ? { kind: 'error', text: error } : { kind: 'ok', text: 'Saved.' })
  }

  return (
    <form
      className="settings-form"
      // Validation is main's job (it owns the limits); its message is shown below instead of a browser bubble.
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <label>
        Connect timeout (ms)
        <input type="number" min={100} step={100} value={connect} data-testid="connect-timeout" onChange={(event) => setConnect(event.target.value)} />
      </label>
      <label>
        Total timeout (ms)
        <input type="number" min={100} step={100} value={total} data-testid="total-timeout" onChange={(event) => setTotal(event.target.value)} />
      </label>
      <label>
        Theme
        <select value={theme} onChange={(event) => setTheme(event.target.value as Settings['theme'])}>
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <label className="settings-check">
        <input type="checkbox" checked={weakStorage} data-testid="weak-storage" onChange={(event) => setWeakStorage(event.target.checked)} />
        Without an OS keyring, store credentials on disk anyway (weaker protection; applies after a restart)
      </label>
      <div className="settings-actions">
        <button type="submit" className="primary" data-testid="save-settings">
          Save
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        {message && (
          <span className={message.kind === 'error' ? 'inline-error' : 'muted'} role="status" data-testid="settings-message">
            {message.text}
          </span>
        )}
      </div>
    </form>
  )
}

/** Request defaults that apply to every send (timeouts) and the theme. */
export function SettingsPanel({ state, onClose }: Props): React.JSX.Element {
  return (
    <section className="settings-panel" aria-label="Settings" data-testid="settings-panel">
      <h2>Settings</h2>
      {state.loadError && <p className="inline-error">Could not load settings: {state.loadError}</p>}
      {!state.settings && !state.loadError && <p className="muted">Loading…</p>}
      {state.settings && <Form settings={state.settings} save={state.save} onClose={onClose} />}
    </section>
  )
}
