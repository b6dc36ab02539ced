/**
 * The sandbox's well-known Falcon API clients. Falcon scopes are named per API as the console's API client
 * page shows them ("Hosts: Read"); a token carries the scopes of the client it was issued to.
 */
export const FALCON_SCOPES = [
  'Hosts: Read',
  'Alerts: Read',
  'Detections: Read',
  'Incidents: Read',
  'IOC Management: Read',
  'Real time response: Read'
] as const
export type FalconScope = (typeof FALCON_SCOPES)[number]

export interface FalconSandboxClient {
  name: string
  clientId: string
  clientSecret: string
  scopes: readonly FalconScope[]
}

export const FALCON_SANDBOX_CLIENTS: readonly FalconSandboxClient[] = [
  { name: 'full', clientId: 'sandbox-falcon-client-full', clientSecret: 'sandbox-falcon-secret-full', scopes: FALCON_SCOPES },
  {
    name: 'hosts-read',
    clientId: 'sandbox-falcon-client-hosts-read',
    clientSecret: 'sandbox-falcon-secret-hosts-read',
    scopes: ['Hosts: Read']
  }
]

/** Token lifetime Falcon reports in `expires_in` (30 minutes less one second). */
export const FALCON_TOKEN_LIFETIME_SEC = 1799
