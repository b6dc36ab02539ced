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

/**
 * The sandbox listens on fresh ports each launch, so its environments (one per listener, as the sandbox describes
 * them in SandboxPort.demos) are created on first run and their base URL and CA refreshed on every start; anything
 * else the user changed in them is kept. The CA is trusted through the custom-CA setting, never by turning
 * verification off.
 */
export async function syncSandboxEnvironments(environments: EnvironmentRepository, vault: Vault, sandbox: SandboxPort): Promise<void> {
  for (const demo of sandbox.demos) {
    const existing = environments.list().find((environment) => environment.id === demo.id)
    const base: Environment = existing ?? {
      id: demo.id,
      name: demo.name,
      api: demo.api,
      baseUrl: '',
      variables: [],
      tls: { verify: true, caPath: null },
      auth: demo.auth,
      sandbox: true
    }
    await environments.save({ ...base, baseUrl: demo.url, tls: { ...base.tls, caPath: sandbox.caPath } })
    if (existing) continue
    // First run: the sandbox's well-known credentials go into the vault like any user's would.
    for (const [name, value] of Object.entries(demo.secrets)) {
      if (value !== undefined && !vault.has(secretKey(demo.id, name))) await vault.set(secretKey(demo.id, name), value)
    }
  }
}
