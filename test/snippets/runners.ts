import { spawn, spawnSync } from 'node:child_process'
import type { Environment } from '../../src/shared/model/environment'
import type { SecretName } from '../../src/shared/model/auth'
import type { RequestSpec } from '../../src/shared/model/request'
import { createHttpEngine } from '../../src/main/core/http/engine'
import type { HttpEngine, SendOptions } from '../../src/main/core/http/engine-contract'
import { createAuthenticator, type Authenticator } from '../../src/main/core/auth/authenticator'
import { openVault, secretKey, type Vault } from '../../src/main/core/vault/vault'
import { createSessionCipher } from '../../src/main/core/vault/aes-cipher'

/** The first python3 that can import requests (PATH's python3, then the system one), or null. */
export function findPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import requests'], { stdio: 'ignore', timeout: 20_000 })
    if (probe.status === 0) return candidate
  }
  return null
}

export interface ProcessResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs a process to completion (killed after `timeoutMs`, which then shows as a non-zero exit). */
export function runProcess(command: string, args: string[], options: { cwd: string; env: Record<string, string>; timeoutMs?: number }): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 30_000 })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/**
 * A clean environment for snippet runs: no proxy variables, HOME in a temp folder (so no ~/.curlrc or ~/.netrc
 * changes what curl sends), plus the given variables.
 */
export function cleanEnv(home: string, extra: Record<string, string>): Record<string, string> {
  return { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', PYTHONDONTWRITEBYTECODE: '1', ...extra }
}

/** The app side of the comparison: the real engine with the real authenticator and vault. */
export interface AppSide {
  engine: HttpEngine
  vault: Vault
  auth: Authenticator
  /** Applies the environment's auth (logging in through the engine when needed), sends, then logs out like the app on close. */
  send(environment: Environment, spec: RequestSpec, secrets: Partial<Record<SecretName, string>>, options: SendOptions): Promise<number>
  close(): Promise<void>
}

export async function createAppSide(dataDir: string, tempDir: string): Promise<AppSide> {
  const engine = createHttpEngine({ tempDir })
  const vault = await openVault(dataDir, createSessionCipher(null), [])
  const auth = createAuthenticator(engine, vault)
  return {
    engine,
    vault,
    auth,
    async send(environment, spec, secrets, options) {
      for (const [name, value] of Object.entries(secrets)) await vault.set(secretKey(environment.id, name), value)
      const applied = await auth.apply(environment, spec, options)
      const result = await engine.send(applied.spec, options)
      await engine.release(result.responseId)
      await auth.logout(environment, options)
      return result.status
    },
    close: () => engine.close()
  }
}
