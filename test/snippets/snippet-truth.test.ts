import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSnippet, type SnippetInput } from '../../src/shared/snippets'
import { snippetEnvVar } from '../../src/shared/vendors/registry'
import type { Environment } from '../../src/shared/model/environment'
import type { SecretName } from '../../src/shared/model/auth'
import type { SendOptions } from '../../src/main/core/http/engine-contract'
import { issueServerCertificate, loadOrCreateCa } from '../../src/sandbox/tls'
import { ITERATOR_RECORDS, startEchoServer, type EchoServer, type Recorded } from './echo-server'
import { normalize, type Normalized } from './compare'
import { SECRET_FILE_CONTENT, TRUTH_CASES, specFor, type TruthCase } from './cases'
import { cleanEnv, createAppSide, findPython, runProcess, type AppSide } from './runners'

// Snippet truth: every generated Python and cURL snippet is run (python3 + requests, sh +
// curl) against a local echo server and must deliver what the real engine + authenticator delivered.

let dir: string
let uploadFile: string
let caPath: string
let python: string | null
let app: AppSide
const echo: Partial<Record<TruthCase['transport'], EchoServer>> = {}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'snippet-truth-'))
  python = findPython()
  uploadFile = join(dir, `my file's "data".bin`)
  await writeFile(uploadFile, Buffer.concat([Buffer.from([...Array(256).keys()]), Buffer.from('\r\n--not-a-boundary\r\n')]))
  // Cases name this file in part names, values and types as curl's @file / <file / headers=@file syntax.
  await writeFile(join(dir, 'secret.txt'), SECRET_FILE_CONTENT)
  const { ca } = await loadOrCreateCa(join(dir, 'ca'))
  caPath = ca.certPath
  const tls = issueServerCertificate(ca)
  echo.http = await startEchoServer()
  echo['https-insecure'] = await startEchoServer(tls)
  echo['https-ca'] = echo['https-insecure']
  app = await createAppSide(join(dir, 'data'), join(dir, 'bodies'))
}, 60_000)

afterAll(async () => {
  await app?.close()
  await Promise.all([echo.http?.close(), echo['https-insecure']?.close()])
  if (dir) await rm(dir, { recursive: true, force: true })
})

function requirePython(): string {
  if (python === null) {
    throw new Error('No python3 with the requests package was found (tried python3, /usr/bin/python3): install python3-requests.')
  }
  return python
}

function normalizeAll(records: Recorded[], truth: TruthCase): Normalized[] {
  const extra = (truth.headers ?? []).map((row) => row.name)
  return records.map((record) => normalize(record, extra))
}

function envVars(kind: string, secrets: Partial<Record<SecretName, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(secrets).map(([name, value]) => [snippetEnvVar(kind, name), value]))
}

async function runSnippet(language: 'python' | 'curl', code: string, truth: TruthCase, server: EchoServer, index: number) {
  const work = await mkdtemp(join(dir, `${language}-${index}-`))
  const file = join(work, language === 'python' ? 'snippet.py' : 'snippet.sh')
  await writeFile(file, code)
  // The user's own curl and requests defaults must not change what is sent: a ~/.curlrc adding a header and
  // following redirects, a ~/.netrc that requests would turn into an Authorization header for 127.0.0.1.
  await writeFile(join(work, '.curlrc'), '--header "X-From-Curlrc: 1"\n--location\n')
  await writeFile(join(work, '.netrc'), 'machine 127.0.0.1 login netrc-user password netrc-password\nmachine localhost login netrc-user password netrc-password\n', { mode: 0o600 })
  server.reset()
  const env = cleanEnv(work, truth.inline ? {} : envVars(truth.auth.kind, truth.secrets))
  const result = await runProcess(language === 'python' ? requirePython() : 'sh', [file], { cwd: work, env })
  const context = `${language} snippet for "${truth.name}" exited ${result.code}\n--- stderr\n${result.stderr}\n--- snippet\n${code}`
  expect(result.code, context).toBe(0)
  return { ...result, records: [...server.records], work, context }
}

describe('snippet truth: generated Python and cURL send what the engine sends', () => {
  it('finds a python3 that can import requests', () => {
    expect(requirePython()).toMatch(/python3$/)
  })

  TRUTH_CASES.forEach((truth, index) => {
    it(truth.name, async () => {
      requirePython()
      const server = echo[truth.transport]
      if (!server) throw new Error(`no echo server for ${truth.transport}`)
      const tls = { verify: truth.transport !== 'https-insecure', caPath: truth.transport === 'https-ca' ? caPath : null }
      const environment: Environment = {
        id: `truth-${index}`,
        name: 'Snippet truth',
        api: truth.api,
        baseUrl: server.url,
        variables: [],
        tls,
        auth: truth.auth,
        sandbox: false
      }
      const spec = specFor(truth, server.url, uploadFile)
      const options: SendOptions = { connectTimeoutMs: 5_000, totalTimeoutMs: 20_000, maxRedirects: 0, maxDecodedBytes: 100_000_000, tls }

      server.reset()
      await app.send(environment, spec, truth.secrets, options)
      const sent = normalizeAll([...server.records], truth)
      expect(sent.length, 'the engine reached the echo server').toBeGreaterThan(0)

      const input: SnippetInput = {
        request: spec,
        auth: truth.auth,
        environmentName: environment.name,
        baseUrl: server.url,
        tls,
        timeouts: { connectMs: 5_000, totalMs: 20_000 },
        acceptGzip: true,
        secrets: truth.inline ? { inline: truth.secrets } : 'env',
        ...(truth.storedSecrets ? { storedSecrets: truth.storedSecrets } : {}),
        ...(truth.iterator ? { iterator: truth.iterator } : {})
      }
      const py = await runSnippet('python', generateSnippet(input, 'python'), truth, server, index)
      const curl = await runSnippet('curl', generateSnippet(input, 'curl'), truth, server, index)
      const fromPython = normalizeAll(py.records, truth)
      const fromCurl = normalizeAll(curl.records, truth)
      for (const [run, context] of [[py, py.context], [curl, curl.context]] as const) {
        for (const record of run.records) {
          const raw = `${JSON.stringify(record.headers)}${record.body.toString('latin1')}`
          expect(raw, `a local file's content was uploaded\n${context}`).not.toContain(SECRET_FILE_CONTENT)
          expect(raw, `~/.curlrc or ~/.netrc was used\n${context}`).not.toMatch(/x-from-curlrc|bmV0cmMtdXNlcj/i)
        }
      }

      if (truth.iterator) {
        // The app sent one page request (answered 429); Python retried it (409, retried again), read a page, then caught up.
        const next = (request: Normalized): Normalized => ({
          ...request,
          query: request.query.map(([name, value]) => [name, name === 'operation' ? 'next' : value] as [string, string])
        })
        const first = sent[0] as Normalized
        expect(fromPython, py.context).toEqual([first, first, first, next(first)])
        const saved = (await readFile(join(py.work, 'dataexport-page.jsonl'), 'utf8')).trim().split('\n')
        expect(saved.map((line) => JSON.parse(line) as unknown)).toEqual(ITERATOR_RECORDS)
        expect(fromCurl, curl.context).toEqual(sent)
        return
      }
      expect(fromPython, py.context).toEqual(sent)
      expect(fromCurl, curl.context).toEqual(sent)
      if (truth.method !== 'HEAD' && !truth.path.startsWith('/redirect')) {
        // The echo answers gzip-encoded: seeing the JSON proves requests decoded it and curl got --compressed.
        expect(py.stdout, py.context).toContain('{"echo":true}')
        expect(curl.stdout, curl.context).toContain('{"echo":true}')
      }
    })
  })
})
