import type { Environment } from '@shared/model/environment'

interface Props {
  list: readonly Environment[]
  openId: string | null
  activeId: string | null
  onOpen(id: string): void
  onCreate(): void
  onImport(): void
}

/** The manager's left column: every environment with its colour and marks, and "New environment". */
export function EnvironmentList({ list, openId, activeId, onOpen, onCreate, onImport }: Props): React.JSX.Element {
  return (
    <nav className="env-list" aria-label="Environments list">
      <ul data-testid="env-list">
        {list.map((environment) => (
          <li key={environment.id}>
            <button type="button" title={environment.name} aria-current={environment.id === openId ? 'true' : undefined} onClick={() => onOpen(environment.id)}>
              <span className={`env-dot env-color-${environment.color ?? 'none'}`} aria-hidden="true" />
              <span className="env-list-name">{environment.name}</span>
              {environment.production === true && <span className="env-badge">prod</span>}
              {environment.id === activeId && <span className="env-badge env-badge-active">in use</span>}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="env-new" onClick={onCreate}>
        New environment
      </button>
      <button type="button" className="env-new" title="A Postman environment export (*.postman_environment.json)" onClick={onImport}>
        Import Postman…
      </button>
    </nav>
  )
}
