import { useEffect, useState } from 'react'
import { call, toErrorShape } from '../../api/client'
import { IteratorControls } from './IteratorControls'
import { IteratorProgressView } from './IteratorProgressView'
import { RecordsTable } from './RecordsTable'
import { ScopeCheckPanel } from './ScopeCheckPanel'
import { initialForm, toStartInput, type IteratorForm } from '@shared/iterator/iterator-form'
import { useIterator } from './useIterator'
import './iterator.css'

interface Props {
  environmentId: string | null
  /** The request editor's URL: a dataexport or legacy events/data path preselects the stream. */
  url: string
  /** Changes after auth edits or sends, so availability (v2 token present?) is checked again. */
  refreshKey?: unknown
  onOpenAuth(): void
}

/** The CE "Use Iterator Endpoint" toggle: pages Netskope Data Export with progress, preview and export. */
export function IteratorPanel({ environmentId, url, refreshKey, onOpenAuth }: Props): React.JSX.Element {
  const [availability, setAvailability] = useState<{ available: boolean; reason: string | null }>({ available: false, reason: 'Checking…' })
  const [enabled, setEnabled] = useState(false)
  const [{ form, note }, setInitial] = useState(() => initialForm(url))
  const [problem, setProblem] = useState<string | null>(null)
  const [scopes, setScopes] = useState(false)
  const iterator = useIterator()

  useEffect(() => {
    let live = true
    const check = environmentId === null
      ? Promise.resolve({ available: false, reason: 'Choose a Netskope environment first.' })
      : call('iterator:availability', { environmentId }).catch((failure: unknown) => ({ available: false, reason: toErrorShape(failure).message }))
    void check.then((result) => {
      if (live) setAvailability(result)
    })
    return () => {
      live = false
    }
  }, [environmentId, refreshKey])

  const change = (patch: Partial<IteratorForm>): void => setInitial((current) => ({ note: current.note, form: { ...current.form, ...patch } }))
  const toggle = (on: boolean): void => {
    if (on) setInitial(initialForm(url))
    setEnabled(on)
  }
  const pickExport = async (): Promise<void> => {
    try {
      const path = await iterator.pickExport(form.format)
      if (path !== null) change({ exportPath: path })
    } catch (failure) {
      setProblem(toErrorShape(failure).message)
    }
  }
  const start = (): void => {
    if (environmentId === null) return
    const built = toStartInput(form, environmentId)
    if ('problem' in built) return setProblem(built.problem)
    setProblem(null)
    void iterator.start(built.input)
  }
  const active = enabled && availability.available

  return (
    <section className="iterator-panel" aria-label="Iterator" data-testid="iterator-panel">
      <div className="status-line">
        <label title={availability.reason ?? undefined}>
          <input type="checkbox" data-testid="iterator-toggle" checked={active} disabled={!availability.available}
            onChange={(e) => toggle(e.target.checked)} />{' '}
          Use iterator endpoint (Data Export)
        </label>
        {availability.available && (
          <button type="button" className="link-button" data-testid="scope-check-toggle" aria-expanded={scopes} onClick={() => setScopes(!scopes)}>
            {scopes ? 'Hide token scope check' : 'Check token scopes…'}
          </button>
        )}
        {!availability.available && (
          <span className="muted" data-testid="iterator-unavailable">
            {availability.reason}{' '}
            <button type="button" className="link-button" onClick={onOpenAuth}>Open the auth panel</button>
          </span>
        )}
      </div>
      {scopes && availability.available && environmentId !== null && <ScopeCheckPanel environmentId={environmentId} />}
      {active && (
        <>
          {note && <p className="inline-warning" data-testid="iterator-legacy-note">{note}</p>}
          <IteratorControls form={form} running={iterator.state.running} onChange={change} onPickExport={() => void pickExport()} />
          <div className="settings-actions">
            {iterator.state.running
              ? <button type="button" data-testid="iterator-cancel" onClick={iterator.cancel}>Cancel</button>
              : <button type="button" data-testid="iterator-start" onClick={start}>Start</button>}
            {problem && <span className="inline-error">{problem}</span>}
          </div>
          <IteratorProgressView state={iterator.state} />
          <RecordsTable key={iterator.state.lastPage?.page ?? 0} page={iterator.state.lastPage} />
        </>
      )}
    </section>
  )
}
