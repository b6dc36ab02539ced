import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Environment } from '@shared/model/environment'
import type { KeyValue, RequestSpec } from '@shared/model/request'
import { containsSecretValue } from '@shared/redaction/secret-values'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { historyWorkerFromSource } from '../../../../scripts/worker-source'
import { startRedirectServer } from '../../../support/redirect-server'
import type { RunningServer } from '../../../support/echo-server'

// Sends that carry {{secret.*}} values (and a credential in a form body) are recorded in the
// history file; successes and every kind of engine error must reach the disk with no form of any secret.
const SECRET = 'sekr3t0value9876xyz'
const SPECIAL = "p@ss w~rd!(x)'0123456789"
const V1_TOKEN = "v1~token!(form)'0123456789"
const VALUES = [SECRET, SPECIAL, V1_TOKEN]

let server: RunningServer
beforeAll(async () => {
  server = await startRedirectServer()
})
afterAll(async () => {
  await server.close()
})

const row = (name: string, value: string): KeyValue => ({ name, value, enabled: true })
const spec = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, ...extra })

function environment(id: string, baseUrl: string, auth: Environment['auth'] = { kind: 'none' }): Environment {
  return { id, name: id, api: 'generic', baseUrl, variables: [], tls: { verify: true, caPath: null }, auth, sandbox: false }
}

async function historyText(dataDir: string): Promise<string> {
  const dir = join(dataDir, 'history')
  const files = await readdir(dir)
  return (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('\n')
}

describe.each([
  ['in this thread', false],
  ['in the history worker', true]
])('history on disk, %s, holds no secret', (_where, worker) => {
  let root: string
  let core: AppCore
  const errors: string[] = []

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'history-secrets-'))
    core = await createAppCore({
      dataDir: join(root, 'data'),
      tempDir: join(root, 'tmp'),
      startSandbox: false,
      cipher: createSessionCipher(null),
      ...(worker ? { historyWorker: historyWorkerFromSource() } : {})
    })
    await core.environments.save(environment('env', server.url))
    await core.environments.save(environment('bare', ''))
    await core.environments.save(environment('ns', server.url, { kind: 'netskope', v2Scheme: 'header', v1Placement: 'form' }))
    for (const id of ['env', 'bare']) {
      await core.vault.set(secretKey(id, 'tok'), SECRET)
      await core.vault.set(secretKey(id, 'sp'), SPECIAL)
    }
    await core.vault.set(secretKey('ns', 'v1Token'), V1_TOKEN)
  })
  afterAll(async () => {
    await rm(root, { recursive: true, force: true })
  })

  it('records sends that succeed and sends that fail', async () => {
    let run = 0
    const send = (environmentId: string, request: RequestSpec) => core.requests.send(`run-${++run}`, request, environmentId, () => undefined)
    const ok = [
      await send('env', spec('/echo?copy={{secret.tok}}', { headers: [row('X-Copy', '{{secret.tok}}')], query: [row('q', '{{secret.sp}}')] })),
      await send('env', spec('/echo', { method: 'POST', body: { kind: 'json', text: '{"note":"{{secret.sp}}"}' } })),
      await send('ns', spec('/api/v1/alerts', { method: 'POST' }))
    ]
    for (const result of ok) expect(result.status).toBe(200)
    const failing: RequestSpec[] = [
      spec('http://{{secret.tok}}.invalid/'),
      spec('http://127.0.0.1:{{secret.tok}}/'),
      spec('/echo', { headers: [row('X-{{secret.tok}} bad', 'v')] }),
      spec(`/redirect?to=${encodeURIComponent('/redirect?to=/echo&k={{secret.tok}}')}`),
      spec('/redirect?to=http://[x', { query: [row('k', '{{secret.sp}}')] })
    ]
    await core.settings.update({ maxRedirects: 1 }) // the /redirect?to=/redirect... request stops at the limit
    for (const request of failing) {
      const error = await send('env', request).then(
        () => null,
        (failure: unknown) => (failure instanceof Error ? failure.message : String(failure))
      )
      expect(error, request.url).not.toBeNull()
      errors.push(error ?? '')
    }
    await send('bare', spec('{{secret.tok}}.example/x')).catch((failure: Error) => errors.push(failure.message))
    expect(errors).toHaveLength(failing.length + 1)
  })

  it('threw errors (what IPC returns) that carry no secret', () => {
    for (const message of errors) expect(containsSecretValue(message, VALUES), message).toBe(false)
  })

  it('wrote a history file with the sends, masked', async () => {
    await core.close()
    const text = await historyText(join(root, 'data'))
    expect(text.trim().split('\n')).toHaveLength(9)
    expect(text).toContain('••••')
    for (const value of VALUES) expect(containsSecretValue(text, [value]), value).toBe(false)
  })
})
