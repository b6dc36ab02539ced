import { EnvironmentSelect } from '../environments/EnvironmentSelect'
import type { Environments } from '../environments/useEnvironments'
import { Icon } from '../../ui/Icon'

export type DrawerId = 'auth' | 'settings' | 'snippet'

interface Props {
  /** The environment picker edits the active tab's environment. */
  environments: Environments
  drawer: DrawerId | null
  onDrawer(id: DrawerId): void
  vertical: boolean
  onToggleOrientation(): void
}

const DRAWER_BUTTONS: ReadonlyArray<{ id: DrawerId; label: string }> = [
  { id: 'settings', label: 'Settings' },
  { id: 'auth', label: 'Auth' },
  { id: 'snippet', label: 'Snippet' }
]

/** The title, the environment (picker, base URL, TLS, manager), the drawer toggles and the split orientation. */
export function AppHeader({ environments, drawer, onDrawer, vertical, onToggleOrientation }: Props): React.JSX.Element {
  return (
    <header className="app-header">
      <h1 title="CloudSec API Explorer">CloudSec API Explorer</h1>
      <div className="header-tools">
        <EnvironmentSelect environments={environments} />
        {DRAWER_BUTTONS.map(({ id, label }) => (
          <button key={id} type="button" aria-expanded={drawer === id} aria-controls={id} data-testid={`${id}-toggle`} onClick={() => onDrawer(id)}>
            {label}
          </button>
        ))}
        <button
          type="button"
          className="icon-only"
          aria-pressed={vertical}
          aria-label="Stack request above response"
          title={vertical ? 'Request and response stacked (click for side by side)' : 'Request and response side by side (click to stack)'}
          data-testid="orientation-toggle"
          onClick={onToggleOrientation}
        >
          <Icon name={vertical ? 'splitRows' : 'splitColumns'} />
        </button>
      </div>
    </header>
  )
}
