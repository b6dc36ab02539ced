import type { Environment } from '@shared/model/environment'
import type { EnvironmentRepository } from './environments'
import type { SandboxPort, StartSandbox } from './sandbox-port'
import { secretKey, type Vault } from './vault/vault'

/** The sandbox, or null with a notice when it cannot start (never rejects): the app still opens, just without it. */
export async function startBuiltInSandbox(start: StartSandbox, dataDir: string, notices: string[]): Promise<SandboxPort | null> {
  try {
    return await start(dataDir, (message) => {
      console.error(`[sandbox] ${message}`)
      notices.push(message)
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    notices.push(`The built-in sandbox could not start, so the app opened without it: ${reason}`)
    return null
  }
}

const SANDBOX_APIS = [
  { id: 'sandbox-netskope', name: 'Sandbox · Netskope tenant', api: 'netskope', url: 'netskope' },
  { id: 'sandbox-cloud-exchange', name: 'Sandbox · Cloud Exchange', api: 'cloud-exchange', url: 'cloudExchange' },
  { id: 'sandbox-insightcloudsec', name: 'Sandbox · InsightCloudSec', api: 'insightcloudsec', url: 'insightcloudsec' }
] as const

/**
 * The sandbox listens on fresh ports each launch, so its environments are created on first run and their base
 * URL and CA refreshed on every start; anything else the user changed in them is kept. The CA is trusted through
 * the custom-CA setting, never by turning verification off.
 */
export async function syncSandboxEnvironments(environments: EnvironmentRepository, vault: Vault, sandbox: SandboxPort): Promise<void> {
  const seeds = sandboxSecrets(sandbox)
  for (const entry of SANDBOX_APIS) {
    const existing = environments.list().find((environment) => environment.id === entry.id)
    const base: Environment = existing ?? {
      id: entry.id,
      name: entry.name,
      api: entry.api,
      baseUrl: '',
      variables: [],
      tls: { verify: true, caPath: null },
      auth: seeds[entry.api].auth,
      sandbox: true
    }
    await environments.save({ ...base, baseUrl: sandbox.urls[entry.url], tls: { ...base.tls, caPath: sandbox.caPath } })
    if (existing) continue
    // First run: the sandbox's well-known credentials go into the vault like any user's would.
    for (const [name, value] of Object.entries(seeds[entry.api].secrets)) {
      if (value !== undefined && !vault.has(secretKey(entry.id, name))) await vault.set(secretKey(entry.id, name), value)
    }
  }
}

function sandboxSecrets({ credentials }: SandboxPort): Record<
  (typeof SANDBOX_APIS)[number]['api'],
  { auth: Environment['auth']; secrets: Record<string, string | undefined> }
> {
  const fullToken = credentials.netskope.v2Tokens.find((token) => !token.expired)
  const client = credentials.cloudExchange.clients[0]
  const user = credentials.insightcloudsec.users[0]
  return {
    netskope: {
      auth: { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' },
      secrets: { v2Token: fullToken?.token, v1Token: credentials.netskope.v1Token }
    },
    'cloud-exchange': {
      auth: { kind: 'cloud-exchange', clientId: client?.clientId ?? '', secretExpiresOn: null },
      secrets: { clientSecret: client?.clientSecret }
    },
    insightcloudsec: {
      auth: { kind: 'insightcloudsec', username: user?.username ?? '' },
      secrets: { apiKey: user?.apiKey, password: user?.password }
    }
  }
}
