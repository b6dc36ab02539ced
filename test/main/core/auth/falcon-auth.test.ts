import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app-core'
import { describeAuth } from '../../../../src/main/core/auth/auth-status'
import { createSnippet } from '../../../../src/main/core/snippets/snippet-service'
import { secretKey } from '../../../../src/main/core/vault/vault'
import { createSessionCipher } from '../../../../src/main/core/vault/aes-cipher'
import { startSandbox } from '../../../../src/sandbox'
import { FALCON_SANDBOX_CLIENTS } from '../../../../src/sandbox/falcon/credentials'
import type { RunningSandbox } from '../../../../src/sandbox/types'
import type { Environment } from '../../../../src/shared/model/environment'
import type { RequestSpec } from '../../../../src/shared/model/request'
import { cleanEnv, findPython, runProcess } from '../../../snippets/runners'

// The fourth vendor through code that knows no vendor: its definition (src/shared/vendors/falcon.ts) drives main's
// OAuth2 client-credentials flow, the auth panel's status and the snippets, against the real Falcon listener.
let sandbox: RunningSandbox
let core: AppCore
let dir: string
let run = 0
const client = FALCON_SANDBOX_CLIENTS[0] ?? { clientId: '', clientSecret: '' }

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'falcon-auth-'))
  sandbox = await startSandbox({ dataDir: join(dir, 'sandbox'), waitTime: 0 })
  core = await createAppCore({ dataDir: join(dir, 'data'), tempDir: join(dir, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
})
afterAll(async () => {
  await core?.close()
  await sandbox?.close()
})

async function falconEnvironment(id: string, clientSecret: string): Promise<Environment> {
  const saved = await core.environments.save({
    id, name: id, api: 'falcon', baseUrl: sandbox.urls.falcon, variables: [],
    tls: { verify: true, caPath: sandbox.caPath }, auth: { kind: 'falcon', clientId: client.clientId }, sandbox: false
  })
  await core.vault.set(secretKey(id, 'clientSecret'), clientSecret)
  return saved
}

const hosts: RequestSpec = { method: 'GET', url: '/devices/queries/devices/v1', query: [{ name: 'limit', value: '5', enabled: true }], headers: [], body: { kind: 'none' } }

describe('CrowdStrike Falcon through the generic client-credentials flow', () => {
  it('exchanges the client credentials at /oauth2/token once, then sends Bearer; the token lives expires_in', async () => {
    await falconEnvironment('falcon', client.clientSecret)
    const before = Date.now()
    const first = await core.requests.send(`run-${++run}`, hosts, 'falcon', () => undefined)
    expect(first.status).toBe(200)
    expect(JSON.parse(first.preview.text)).toMatchObject({ meta: { pagination: { limit: 5 } } })
    const session = core.auth.session('falcon')
    // 1799 s from the answer, renewed a minute early.
    expect(session?.expiresAt).toBeGreaterThanOrEqual(before + 1739_000)
    expect(session?.expiresAt).toBeLessThan(Date.now() + 1740_000)
    const second = await core.requests.send(`run-${++run}`, hosts, 'falcon', () => undefined)
    expect(second.status).toBe(200)
    expect(core.auth.session('falcon')?.token).toBe(session?.token)
    expect(second.requestEcho.headers.find(([name]) => name.toLowerCase() === 'authorization')?.[1]).not.toContain(session?.token ?? '-')
  })

  it('a refused secret names the vendor, the server words and the fix', async () => {
    await falconEnvironment('falcon-bad', 'wrong-secret')
    const failure = core.requests.send(`run-${++run}`, hosts, 'falcon-bad', () => undefined)
    await expect(failure).rejects.toThrow(/CrowdStrike Falcon \/oauth2\/token.*HTTP 403|CrowdStrike Falcon token request .*HTTP 403/)
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('region') })
  })

  it('the auth panel shows the client-credentials mode with the token masked', async () => {
    const environment = await falconEnvironment('falcon-status', client.clientSecret)
    expect(await describeAuth(environment, core.vault, core.auth)).toMatchObject({
      using: 'CrowdStrike Falcon client credentials',
      headerPreview: 'Authorization: Bearer (token from /oauth2/token on the next send)'
    })
    await core.requests.send(`run-${++run}`, hosts, 'falcon-status', () => undefined)
    const status = await describeAuth(environment, core.vault, core.auth)
    expect(status.headerPreview).toMatch(/^Authorization: Bearer \S+/)
    expect(status.headerPreview).not.toContain(core.auth.session('falcon-status')?.token ?? '-')
  })

  for (const language of ['python', 'curl'] as const) {
    it(`the ${language} snippet logs in with FALCON_CLIENT_ID / FALCON_CLIENT_SECRET and gets the hosts`, async () => {
      const python = findPython()
      if (language === 'python' && python === null) throw new Error('python3 with requests is needed: apt-get install python3-requests')
      const environment = await falconEnvironment('falcon-snippet', client.clientSecret)
      const settings = core.settings.get()
      const snippet = await createSnippet({ spec: hosts, environment, language, inlineSecrets: false }, settings, core.vault)
      expect(snippet.code).toContain('/oauth2/token')
      expect(snippet.code).not.toContain('grant_type')
      expect(snippet.envVars.map((envVar) => envVar.name)).toEqual(['FALCON_CLIENT_SECRET'])
      const file = join(dir, language === 'python' ? 'falcon.py' : 'falcon.sh')
      await writeFile(file, snippet.code)
      const env = cleanEnv(dir, { FALCON_CLIENT_ID: client.clientId, FALCON_CLIENT_SECRET: client.clientSecret })
      const result = await runProcess(language === 'python' ? (python ?? 'python3') : 'sh', [file], { cwd: dir, env })
      expect(result.code, `${result.stderr}\n${snippet.code}`).toBe(0)
      expect(result.stdout).toContain('"resources"')
    })
  }
})
