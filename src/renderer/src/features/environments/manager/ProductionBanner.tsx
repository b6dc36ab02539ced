import type { Environment } from '@shared/model/environment'
import './environments-manager.css'

/** Stays on screen while a production environment is selected, in the environment's colour (red without one). */
export function ProductionBanner({ environment }: { environment: Environment | null }): React.JSX.Element | null {
  if (!environment?.production) return null
  return (
    <div className={`banner production-banner env-color-${environment.color ?? 'red'}`} role="status" data-testid="production-banner">
      <strong>Production</strong> · “{environment.name}”: requests that can change data (anything but GET and HEAD) ask before they are sent.
    </div>
  )
}
