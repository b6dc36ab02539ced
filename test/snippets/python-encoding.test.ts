import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateSnippet, type SnippetInput } from '../../src/shared/snippets'
import { startEchoServer, type EchoServer } from './echo-server'
import { cleanEnv, findPython, runProcess } from './runners'

// Python reads a PEP 263 encoding declaration from the first two lines of a file. If request text reached those
// lines, a URL or environment name saying "coding=utf-7" would make Python decode the rest as UTF-7, where the
// ASCII text "+ACI-" is a quote and "+AAo-" a newline: a harmless-looking string literal becomes code. These
// payloads, decoded as UTF-7, close the literal and run open("pwned", "w") in the snippet's folder.

/** Decoded as UTF-7: `"` newline `open("pwned","w")` newline `"`, i.e. it closes `url = "..."` and calls open. */
const URL_PAYLOAD = '+ACIACg-open(+ACI-pwned+ACI-,+ACI-w+ACI-)+AAoAIg-'
/** Decoded as UTF-7: `"}` newline `open("pwned","w")` newline `x={"`, i.e. it closes the headers dict and calls open. */
const HEADER_PAYLOAD = '+ACIAfQAK-open(+ACI-pwned+ACI-,+ACI-w+ACI-)+AAo-x=+AHsAIg-'

let echo: EchoServer
let dir: string
const python = findPython()

beforeAll(async () => {
  echo = await startEchoServer()
  dir = await mkdtemp(join(tmpdir(), 'snippet-encoding-'))
})

afterAll(async () => {
  await echo?.close()
  if (dir) await rm(dir, { recursive: true, force: true })
})

function input(url: string, environmentName: string, headerValue: string | null): SnippetInput {
  return {
    request: {
      method: 'GET',
      url,
      query: [],
      headers: headerValue === null ? [] : [{ name: 'X-Note', value: headerValue, enabled: true }],
      body: { kind: 'none' }
    },
    auth: { kind: 'none' },
    environmentName,
    baseUrl: '',
    tls: { verify: true, caPath: null },
    timeouts: { connectMs: 5_000, totalMs: 10_000 },
    acceptGzip: true,
    secrets: 'env'
  }
}

const CASES: Array<{ name: string; make: (base: string) => SnippetInput }> = [
  { name: 'URL with ";coding=utf-7" and a payload in the query', make: (base) => input(`${base}/x;coding=utf-7?q=${URL_PAYLOAD}`, 'Prod', null) },
  { name: 'URL with "coding:utf-7" in the query', make: (base) => input(`${base}/x?coding:utf-7&q=${URL_PAYLOAD}`, 'Prod', null) },
  {
    name: 'environment name "-*- coding: utf-7 -*-" and a payload in a header value',
    make: (base) => input(`${base}/y`, '-*- coding: utf-7 -*-', HEADER_PAYLOAD)
  }
]

describe('a Python snippet never lets request text choose its source encoding', () => {
  CASES.forEach((testCase, index) => {
    it(`${testCase.name}: runs as UTF-8, sends the text literally, creates no file`, async () => {
      if (python === null) throw new Error('No python3 with the requests package was found: install python3-requests.')
      const work = await mkdtemp(join(dir, `case-${index}-`))
      const request = testCase.make(echo.url)
      const code = generateSnippet(request, 'python')
      await writeFile(join(work, 'snippet.py'), code)
      echo.reset()
      const result = await runProcess(python, ['snippet.py'], { cwd: work, env: cleanEnv(work, {}) })
      const context = `exit ${result.code}\n--- stderr\n${result.stderr}\n--- snippet\n${code}`
      expect(existsSync(join(work, 'pwned')), `the payload ran: ${context}`).toBe(false)
      expect(result.code, context).toBe(0)
      expect(echo.records, context).toHaveLength(1)
      const sent = new URL(request.request.url)
      expect(echo.records[0]?.path).toBe(sent.pathname)
      expect(echo.records[0]?.rawQuery).toBe(sent.search.slice(1))
      const header = request.request.headers[0]
      if (header) expect(echo.records[0]?.headers['x-note']).toEqual([header.value])
    })
  })
})
