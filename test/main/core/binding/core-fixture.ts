import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import type { Environment } from '../../../../src/shared/model/environment'
import type { RequestSpec } from '../../../../src/shared/model/request'
import type { SendResult } from '../../../../src/shared/model/response'

/** A real core (vault, authenticator, engine, no sandbox) in a fresh folder. */
export async function startCore(): Promise<AppCore> {
  const dir = await mkdtemp(join(tmpdir(), 'binding-'))
  return createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
}

let run = 0

export async function saveEnvironment(
  core: AppCore,
  fields: Partial<Environment> & Pick<Environment, 'id' | 'baseUrl' | 'auth'>,
  secrets: Record<string, string> = {}
): Promise<Environment> {
  const saved = await core.environments.save({
    name: fields.id, api: 'generic', variables: [], tls: { verify: true, caPath: null }, sandbox: false, ...fields
  })
  for (const [name, value] of Object.entries(secrets)) await core.vault.set(secretKey(fields.id, name), value)
  return saved
}

export function send(core: AppCore, environmentId: string, spec: Partial<RequestSpec> & { url: string }): Promise<SendResult> {
  const full: RequestSpec = { method: 'GET', query: [], headers: [], body: { kind: 'none' }, ...spec }
  return core.requests.send(`binding-${++run}`, full, environmentId, () => undefined)
}

/** Every byte a server received in one request, as text (method, path, query, headers, body). */
export function received(record: { method: string; path: string; rawQuery: string; headers: [string, string][]; body: Buffer }): string {
  return [record.method, record.path, record.rawQuery, ...record.headers.flat(), record.body.toString('latin1')].join('\n')
}
