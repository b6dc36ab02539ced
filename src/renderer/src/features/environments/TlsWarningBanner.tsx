import type { Environment } from '@shared/model/environment'

/** Stays on screen for as long as an environment with certificate checks off is selected. */
export function TlsWarningBanner({ environment }: { environment: Environment | null }): React.JSX.Element | null {
  if (!environment || environment.tls.verify) return null
  return (
    <div className="banner banner-warning" role="alert" data-testid="tls-warning">
      <strong>TLS verification is OFF</strong> for environment “{environment.name}”: server certificates are not
      checked, so anyone on the network path could read or change this traffic. Prefer adding the server's CA
      certificate in the environment's TLS settings.
    </div>
  )
}
