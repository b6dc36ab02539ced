import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app-core'
import { startSandbox } from '../../../src/sandbox'
import type { RunningSandbox } from '../../../src/sandbox/types'
import { createSessionCipher } from '../../../src/main/core/vault/aes-cipher'
import { secretKey } from '../../../src/main/core/vault/vault'
import { HistoryStore } from '../../../src/main/core/history/history-store'
import { CollectionRepository } from '../../../src/main/core/collections/repository'
import { exportCollectionHar } from '../../../src/main/core/collections/har-export'
import { exportPostman } from '../../../src/main/core/collections/postman-export'
import { createHandlers } from '../../../src/main/ipc/handlers'
import { dispatch, type Emit } from '../../../src/main/ipc/dispatch'
import { generateSnippet } from '../../../src/shared/snippets'
import type { Environment } from '../../../src/shared/model/environment'
import type { RequestSpec } from '../../../src/shared/model/request'
import type { SendResult } from '../../../src/shared/model/response'
import type { Envelope } from '../../../src/shared/model/errors'
import { containsSecretValue } from '../../../src/shared/redaction/secret-values'

// Known secrets in every credential kind go through sending (success and failing auth), errors, snippets,
// history, collections and exports; then every file written, every value the handler table returned, every event
// and every console line is scanned: none may contain a secret.
let sandbox: RunningSandbox
let core: AppCore
let root: string
const outputs: unknown[] = []
const consoleLines: string[] = []
const CANARIES = {
  badPassword: 'LEAK-CANARY-password-7f3a9c1e5b',
  badApiKey: 'LEAK-CANARY-apikey-0a1b2c3d4e5f6a7b',
  badV2: 'LEAK-CANARY-v2token-9e8d7c6b5a4f3e2d',
  badV1: 'LEAK-CANARY-v1token-1122334455667788',
  badClientSecret: 'LEAK-CANARY-ce-secret-abcdef012345'
}
// Canary variants typed during the lockout check (still found by the scan: each contains badClientSecret).
let secrets: string[] = []
let run = 0

const emit: Emit = (event, payload) => void outputs.push({ event, payload })
let handlers: ReturnType<typeof createHandlers>

async function call(command: string, input: unknown): Promise<Envelope<unknown>> {
  const envelope = await dispatch(handlers, command, input, emit)
  outputs.push(envelope)
  return envelope
}

const spec = (url: string, extra: Partial<RequestSpec> = {}): RequestSpec => ({ method: 'GET', url, query: [], headers: [], body: { kind: 'none' }, ...extra })

async function send(environmentId: string, request: RequestSpec): Promise<Envelope<unknown>> {
  return call('request:send', { runId: `leak-${++run}`, spec: request, environmentId })
}

async function environment(id: string, api: Environment['api'], baseUrl: string, auth: Environment['auth'], values: Record<string, string>): Promise<void> {
  await call('dialog:pick-file', { purpose: 'ca-bundle' }) // the user picks the sandbox CA, as in the app
  await call('environment:save', { id, name: id, api, baseUrl, tls: { verify: true, caPath: sandbox.caPath }, auth })
  for (const [name, value] of Object.entries(values)) {
    const envelope = await call('vault:set', { environmentId: id, name, value })
    expect(envelope.ok).toBe(true)
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'leak-'))
  // The sandbox keeps its own credentials on disk: outside the scanned folders.
  sandbox = await startSandbox({ dataDir: join(root, 'sandbox-server'), waitTime: 0 })
  const ics = sandbox.credentials.insightcloudsec.users
  const v2 = sandbox.credentials.netskope.v2Tokens.find((token) => !token.expired)
  const client = sandbox.credentials.cloudExchange.clients[0]
  if (!ics[0] || !ics[1] || !v2 || !client) throw new Error('sandbox credentials missing')
  secrets = [ics[0].apiKey, ics[1].password, v2.token, sandbox.credentials.netskope.v1Token, client.clientSecret, ...Object.values(CANARIES)]
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')))
  }
  // Persistent cipher: the vault file is written (ciphertext only) and scanned like every other file.
  core = await createAppCore({ dataDir: join(root, 'data'), tempDir: join(root, 'tmp'), startSandbox: false, cipher: createSessionCipher(null, true) })
  handlers = createHandlers(core, { pickFile: async () => sandbox.caPath })
})
afterAll(async () => {
  vi.restoreAllMocks()
  await core?.close()
  await sandbox?.close()
})

describe('no secret leaks', () => {
  const results: SendResult[] = []
  const failures: Array<{ spec: RequestSpec; error: Envelope<unknown> }> = []

  it('sends with every credential kind, succeeding and failing', async () => {
    const [key, login] = sandbox.credentials.insightcloudsec.users
    const v2 = sandbox.credentials.netskope.v2Tokens.find((token) => !token.expired)
    const client = sandbox.credentials.cloudExchange.clients[0]
    if (!key || !login || !v2 || !client) throw new Error('sandbox credentials missing')
    const { insightcloudsec: icsUrl, netskope: nsUrl, cloudExchange: ceUrl } = sandbox.urls
    await environment('ics-key', 'insightcloudsec', icsUrl, { kind: 'insightcloudsec', username: '' }, { apiKey: key.apiKey })
    await environment('ics-login', 'insightcloudsec', icsUrl, { kind: 'insightcloudsec', username: login.username }, { password: login.password })
    await environment('ics-bad', 'insightcloudsec', icsUrl, { kind: 'insightcloudsec', username: login.username }, { password: CANARIES.badPassword })
    await environment('ics-bad-key', 'insightcloudsec', icsUrl, { kind: 'insightcloudsec', username: '' }, { apiKey: CANARIES.badApiKey })
    await environment('ns', 'netskope', nsUrl, { kind: 'netskope', v2Scheme: 'header', v1Placement: 'query' }, { v2Token: v2.token, v1Token: sandbox.credentials.netskope.v1Token })
    await environment('ns-bad', 'netskope', nsUrl, { kind: 'netskope', v2Scheme: 'bearer', v1Placement: 'form' }, { v2Token: CANARIES.badV2, v1Token: CANARIES.badV1 })
    await environment('ce', 'cloud-exchange', ceUrl, { kind: 'cloud-exchange', clientId: client.clientId, secretExpiresOn: null }, { clientSecret: client.clientSecret })
    await environment('ce-bad', 'cloud-exchange', ceUrl, { kind: 'cloud-exchange', clientId: client.clientId, secretExpiresOn: null }, { clientSecret: CANARIES.badClientSecret })

    const plan: Array<[string, RequestSpec, boolean]> = [
      ['ics-key', spec('/v2/public/user/info'), true],
      // A secret referenced by hand in a custom header and the URL is masked in what comes back too.
      ['ics-key', spec('/v2/public/user/info?copy={{secret.apiKey}}', { headers: [{ name: 'X-Copy', value: '{{secret.apiKey}}', enabled: true }] }), true],
      ['ics-login', spec('/v2/public/user/info'), true],
      ['ics-bad', spec('/v2/public/user/info'), false],
      ['ics-bad-key', spec('/v2/public/user/info'), true],
      ['ns', spec('/api/v2/services/cci/tags'), true],
      ['ns', spec('/api/v1/app_instances', { method: 'POST', query: [{ name: 'op', value: 'list', enabled: true }] }), true],
      ['ns-bad', spec('/api/v2/services/cci/tags'), true],
      ['ns-bad', spec('/api/v1/app_instances', { method: 'POST', query: [{ name: 'op', value: 'list', enabled: true }] }), true],
      ['ce', spec('/api/tenants'), true],
      ['ce-bad', spec('/api/tenants'), false],
      // Engine errors that quote the URL: a secret typed into the port or a redirect target.
      ['ics-key', spec('http://127.0.0.1:{{secret.apiKey}}/v2/public/user/info'), false],
      ['ics-key', spec('{{secret.apiKey}}://host/v2/public/user/info'), false],
      ['ics-key', spec('/v2/public/user/info', { headers: [{ name: 'X {{secret.apiKey}}', value: 'v', enabled: true }] }), false]
    ]
    for (const [environmentId, request, answered] of plan) {
      const envelope = await send(environmentId, request)
      expect(envelope.ok, `${environmentId} ${request.url}`).toBe(answered)
      if (envelope.ok) results.push(envelope.value as SendResult)
      else failures.push({ spec: request, error: envelope })
    }
    expect(results.filter((result) => result.status === 200).length).toBeGreaterThanOrEqual(5)
    expect(results.some((result) => result.status === 401)).toBe(true)

    for (const id of ['ics-key', 'ics-login', 'ics-bad', 'ics-bad-key', 'ns', 'ns-bad', 'ce', 'ce-bad']) {
      await call('auth:status', { environmentId: id })
      await call('vault:status', { environmentId: id })
    }
    // A generated ICS API key goes straight into the vault and is a secret like the others.
    const generated = await call('auth:create-api-key', { environmentId: 'ics-key' })
    expect(generated.ok).toBe(true)
    const newKey = await core.vault.reveal(secretKey('ics-key', 'apiKey'))
    expect(newKey).not.toBe(key.apiKey)
    if (newKey) secrets.push(newKey)
    expect(((await send('ics-key', spec('/v2/public/user/info'))) as { value?: SendResult }).value?.status).toBe(200)
    await call('environment:list', {})
    await call('auth:logout', { environmentId: 'ics-login' })
  })

  it('auth:status shows what is sent, masked, and the failures in plain words', async () => {
    const ICS_KEY = { credential: 'InsightCloudSec API key', session: false }
    const status = async (id: string): Promise<Record<string, unknown>> => {
      const envelope = await call('auth:status', { environmentId: id })
      if (!envelope.ok) throw new Error(envelope.error.message)
      return envelope.value as Record<string, unknown>
    }
    expect(await status('ics-key')).toMatchObject({ using: 'InsightCloudSec API key', unusedNote: null })
    expect(String((await status('ics-key'))['headerPreview'])).toMatch(/^Api-Key: ••••/)
    expect((await status('ics-bad'))['lastError']).toMatch(/login .* failed/)
    expect((await status('ce-bad'))['lastError']).toMatch(/Cloud Exchange token request/)
    expect((await status('ce'))).toMatchObject({ using: 'Cloud Exchange client credentials', lastError: null })
    expect((await status('ce'))['loggedInUntil']).toEqual(expect.any(Number))
    // The runner reports answers to a credential; 401 and 403 read differently.
    core.auth.observe('ics-bad-key', ICS_KEY, 401)
    expect((await status('ics-bad-key'))['lastError']).toMatch(/API key was refused \(HTTP 401\)/)
    core.auth.observe('ics-bad-key', ICS_KEY, 403)
    expect((await status('ics-bad-key'))['lastError']).toMatch(/lacks scope for this endpoint \(HTTP 403\)/)
    core.auth.observe('ics-bad-key', ICS_KEY, 200)
    expect((await status('ics-bad-key'))['lastError']).toBeNull()
    await call('vault:set', { environmentId: 'ics-login', name: 'apiKey', value: CANARIES.badApiKey })
    expect(await status('ics-login')).toMatchObject({ using: 'InsightCloudSec API key', unusedNote: expect.stringMatching(/login session/) })
  })

  it('Cloud Exchange lockout: repeating the same wrong secret is held back, a locked account is said in plain words', async () => {
    const client = sandbox.credentials.cloudExchange.clients[1]
    if (!client) throw new Error('no second CE client')
    await environment('ce-lock', 'cloud-exchange', sandbox.urls.cloudExchange, { kind: 'cloud-exchange', clientId: client.clientId, secretExpiresOn: null }, { clientSecret: CANARIES.badClientSecret })
    const first = await send('ce-lock', spec('/api/tenants'))
    const again = await send('ce-lock', spec('/api/tenants'))
    expect(first.ok || again.ok).toBe(false)
    if (!again.ok) expect(again.error.message).toMatch(/Not retried for \d+ s/)
    // Each changed secret is one real attempt; the sandbox locks the client at the 5th consecutive failure.
    for (let attempt = 2; attempt <= 5; attempt++) {
      await call('vault:set', { environmentId: 'ce-lock', name: 'clientSecret', value: `${CANARIES.badClientSecret}-${attempt}` })
      await send('ce-lock', spec('/api/tenants'))
    }
    const envelope = await call('auth:status', { environmentId: 'ce-lock' })
    expect(envelope.ok && (envelope.value as { lastError: string }).lastError).toMatch(/locked/i)
  })

  it('writes history, collections, exports and snippets without secrets', async () => {
    const history = new HistoryStore(join(root, 'data', 'history'))
    const withLiterals: RequestSpec = spec(`${sandbox.urls.insightcloudsec}/v2/public/user/info?token=${CANARIES.badV1}`, {
      headers: [
        { name: 'Api-Key', value: CANARIES.badApiKey, enabled: true },
        { name: 'Netskope-Api-Token', value: CANARIES.badV2, enabled: true },
        { name: 'Authorization', value: `Bearer ${CANARIES.badClientSecret}`, enabled: true }
      ]
    })
    for (const result of results) outputs.push(await history.record({ spec: spec(result.url), environmentId: null, result }))
    outputs.push(await history.record({ spec: withLiterals, environmentId: null, result: results[0] }))
    for (const failure of failures) {
      if (!failure.error.ok) outputs.push(await history.record({ spec: failure.spec, environmentId: null, error: failure.error.error }))
    }

    const collections = new CollectionRepository()
    const folder = join(root, 'collections')
    await mkdir(folder)
    await collections.create(folder, 'Leak check')
    outputs.push(await collections.saveRequest(folder, { request: { name: 'With literal credentials', request: withLiterals } }))
    const exportsDir = join(root, 'exports')
    await mkdir(exportsDir)
    const har = await exportCollectionHar(collections, folder, '', { startedDateTime: new Date(0).toISOString() })
    await writeFile(join(exportsDir, 'collection.har'), JSON.stringify(har.har))
    const postman = await exportPostman(collections, folder)
    await writeFile(join(exportsDir, 'collection.postman.json'), JSON.stringify(postman))

    for (const id of ['ics-key', 'ics-login', 'ns', 'ce']) {
      const saved = core.environments.get(id)
      for (const language of ['curl', 'python'] as const) {
        const snippet = generateSnippet(
          {
            request: spec(`${saved.baseUrl}/x`),
            auth: saved.auth,
            environmentName: saved.name,
            baseUrl: saved.baseUrl,
            tls: saved.tls,
            timeouts: { connectMs: 10_000, totalMs: 60_000 },
            acceptGzip: true,
            secrets: 'env'
          },
          language
        )
        await writeFile(join(exportsDir, `${id}.${language}.txt`), snippet)
        // Even with "Include secrets" on, what the renderer is sent shows masked stand-ins only.
        const shown = await dispatch(handlers, 'snippet:generate', { spec: spec(`${saved.baseUrl}/x`), environmentId: id, language, inlineSecrets: true }, () => undefined)
        expect(shown).toMatchObject({ ok: true, value: { inlined: true } })
        outputs.push(shown)
      }
    }
  })

  it('finds none of the secrets in any file, handler output, event or console line', async () => {
    await core.close()
    const files = [...(await filesUnder(join(root, 'data'))), ...(await filesUnder(join(root, 'tmp'))), ...(await filesUnder(join(root, 'collections'))), ...(await filesUnder(join(root, 'exports')))]
    expect(files.some((file) => file.endsWith('vault.json'))).toBe(true)
    expect(files.some((file) => file.includes('history'))).toBe(true)
    expect(files.some((file) => file.endsWith('.request.json'))).toBe(true)
    const haystacks: Array<[string, string]> = []
    for (const file of files) haystacks.push([file, await readFile(file, 'utf8')])
    outputs.forEach((output, index) => haystacks.push([`output #${index}`, JSON.stringify(output)]))
    consoleLines.forEach((line, index) => haystacks.push([`console #${index}`, line]))
    expect(outputs.length).toBeGreaterThan(30)

    const leaks: string[] = []
    for (const [where, text] of haystacks) {
      for (const secret of secrets) {
        if (containsSecretValue(text, [secret])) leaks.push(`${where} contains ${secret.slice(0, 12)}…`)
      }
    }
    expect(leaks).toEqual([])
  })
})
