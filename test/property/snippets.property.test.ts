import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { generateSnippet, type SnippetInput } from '../../src/shared/snippets'
import { parseCurlCommand } from '../../src/shared/collections/curl-import'
import { buildUrl } from '../../src/main/core/http/validate'
import { AuthProfileSchema, SECRET_NAMES } from '../../src/shared/model/auth'
import { MultipartPartSchema, type KeyValue, type RequestBody } from '../../src/shared/model/request'
import { AppError } from '../../src/shared/model/errors'
import { FIRST_LINES } from '../../src/shared/snippets/quote'
import { headerName, headerValue, nasty, returnsOrAppError, row } from './arbitraries'
import { arbitraryFor } from './zod-arbitrary'

// Snippet generation (src/shared/snippets) for arbitrary requests: never a crash, and what it produces is valid
// Python (py_compile) and POSIX shell (sh -n), checked on a sample with the real interpreters.

const CODES = ['INVALID_URL', 'UNSUPPORTED_SCHEME', 'INVALID_INPUT', 'INVALID_HEADER'] as const
const url = fc.oneof({ weight: 5, arbitrary: fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }) }, { weight: 1, arbitrary: nasty(30) })
const body: fc.Arbitrary<RequestBody> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('json' as const), text: fc.oneof(nasty(40), fc.json()) }),
  fc.record({ kind: fc.constant('text' as const), text: nasty(40), contentType: fc.option(headerValue, { nil: undefined }) }, { requiredKeys: ['kind', 'text'] }),
  fc.record({ kind: fc.constant('form' as const), fields: fc.array(row(nasty(10), nasty(20)), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('multipart' as const), parts: fc.array(arbitraryFor(MultipartPartSchema).map((part) => MultipartPartSchema.parse(part)), { maxLength: 3 }) })
)
const headers: fc.Arbitrary<KeyValue[]> = fc.array(fc.oneof(row(headerName, headerValue), row(nasty(10), nasty(15))), { maxLength: 4 })
const secretValues = fc.dictionary(fc.constantFrom(...SECRET_NAMES), nasty(20), { maxKeys: 5 })

export const snippetInput: fc.Arbitrary<SnippetInput> = fc.record(
  {
    request: fc.record({
      method: fc.oneof(fc.constantFrom('GET', 'post', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS', 'PROPFIND'), nasty(6)),
      url,
      query: fc.array(row(nasty(10), nasty(20)), { maxLength: 4 }),
      headers,
      body
    }),
    auth: arbitraryFor(AuthProfileSchema).map((profile) => AuthProfileSchema.parse(profile)),
    environmentName: nasty(15),
    baseUrl: fc.oneof(fc.constant(''), fc.webUrl()),
    tls: fc.record({ verify: fc.boolean(), caPath: fc.option(nasty(20), { nil: null }) }),
    timeouts: fc.record({ connectMs: fc.integer({ min: 1, max: 600_000 }), totalMs: fc.integer({ min: 1, max: 3_600_000 }) }),
    acceptGzip: fc.boolean(),
    secrets: fc.oneof(fc.constant('env' as const), secretValues.map((inline) => ({ inline }))),
    storedSecrets: fc.subarray([...SECRET_NAMES]),
    iterator: fc.option(fc.record({ index: nasty(10), operation: fc.oneof(fc.constantFrom('next', 'head', 'resend'), nasty(8)) }), { nil: undefined })
  },
  { requiredKeys: ['request', 'auth', 'environmentName', 'baseUrl', 'tls', 'timeouts', 'acceptGzip', 'secrets'] }
)

const dir = mkdtempSync(join(tmpdir(), 'snippet-property-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function run(command: string, args: string[], input?: string): string {
  const result = spawnSync(command, args, { cwd: dir, input, encoding: 'utf8', maxBuffer: 1 << 24 })
  if (result.error) throw result.error
  return result.stdout + result.stderr
}

/** Up to `count` generated snippets of `language` (inputs the generator refuses are skipped). */
function sampleSnippets(language: 'python' | 'curl', count: number): Array<{ code: string; input: SnippetInput }> {
  const out: Array<{ code: string; input: SnippetInput }> = []
  // Most generated requests are refused (hostile URLs and headers), and how many varies with the seed: draw batches
  // until there are enough, within a bound, rather than one fixed-size batch that can fall short.
  for (let drawn = 0; out.length < count && drawn < count * 30; drawn += count) {
    for (const input of fc.sample(snippetInput, count)) {
      const code = returnsOrAppError(() => generateSnippet(input, language), CODES)
      if (typeof code === 'string') out.push({ code, input })
      if (out.length === count) break
    }
  }
  return out
}

/** Text an editor or Python acts on in a comment, mixed with line breaks, bidi controls and UTF-7 quote/newline. */
const directiveText = fc
  .array(
    fc.oneof(
      fc.constantFrom('coding:utf-7', 'coding=utf-7', ' -*- coding: latin-1 -*- ', 'vim: set fenc=utf-7:', '+ACI-', '+AAo-', '\n', '\r', '\u2028', '\u0085', '\u202e'),
      nasty(6)
    ),
    { maxLength: 6 }
  )
  .map((pieces) => pieces.join(''))

describe('snippet generation (property)', () => {
  it('lines 1-2 are always the fixed ones, and no later comment line declares an encoding', () => {
    const declaration = /^[ \t\f]*#.*?coding[:=]/
    let generated = 0
    fc.assert(
      fc.property(snippetInput, directiveText, directiveText, (base, text, name) => {
        const request = {
          ...base.request,
          url: `https://h.example/${text}?${text}`,
          headers: [...base.request.headers, { name: 'X-Note', value: text.replace(/[^\t\x20-\x7e\xa0-\xff]/g, ''), enabled: true }]
        }
        for (const language of ['python', 'curl'] as const) {
          const code = returnsOrAppError(() => generateSnippet({ ...base, request, environmentName: name }, language), CODES)
          if (code instanceof AppError) continue
          generated++
          const lines = code.split('\n')
          expect(lines.slice(0, 2)).toEqual(FIRST_LINES[language])
          expect(lines.slice(2).filter((line) => declaration.test(line))).toEqual([])
        }
      }),
      { numRuns: 1000 }
    )
    expect(generated, 'enough inputs were not refused').toBeGreaterThan(200)
  })


  it('regression: a header the engine refuses gets no snippet (it produced `--header ":  "` and a NUL before)', () => {
    const base = { url: 'http://a.aa', method: 'GET', query: [], body: { kind: 'none' as const } }
    for (const bad of [{ name: '', value: '\u0000' }, { name: 'X-A', value: 'a\r\nInjected: 1' }, { name: 'Bad Name', value: '1' }]) {
      const input = fc.sample(snippetInput, { numRuns: 1, seed: 1 })[0] as SnippetInput
      const request = { ...base, headers: [{ ...bad, enabled: true }] }
      for (const language of ['python', 'curl'] as const) {
        const error = returnsOrAppError(() => generateSnippet({ ...input, request }, language), CODES)
        expect(error instanceof AppError && error.code).toBe('INVALID_HEADER')
      }
    }
  })

  it('any request gives Python and cURL snippets or a readable refusal', () => {
    fc.assert(
      fc.property(snippetInput, (input) => {
        for (const language of ['python', 'curl'] as const) {
          const result = returnsOrAppError(() => generateSnippet(input, language), CODES)
          if (!(result instanceof AppError)) expect(result.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 2500 }
    )
  })

  it('200 generated Python snippets compile (python3 -m py_compile)', () => {
    const snippets = sampleSnippets('python', 200)
    expect(snippets.length).toBeGreaterThan(150)
    snippets.forEach(({ code }, index) => writeFileSync(join(dir, `s${index}.py`), code))
    const checker = 'import py_compile, sys\nfor f in sys.argv[1:]:\n  try: py_compile.compile(f, doraise=True)\n  except py_compile.PyCompileError as e: print("FAIL", f, e.msg)\n'
    const out = run('python3', ['-c', checker, ...snippets.map((_, index) => `s${index}.py`)])
    const failed = /FAIL s(\d+)\.py/.exec(out)
    if (failed) throw new Error(`${out.slice(0, 2000)}\ninput: ${JSON.stringify(snippets[Number(failed[1])]?.input)}`)
  })

  it('200 generated cURL snippets are valid POSIX shell (sh -n)', () => {
    const snippets = sampleSnippets('curl', 200)
    expect(snippets.length).toBeGreaterThan(150)
    snippets.forEach(({ code }, index) => writeFileSync(join(dir, `s${index}.sh`), code))
    const script = `for f in ${snippets.map((_, index) => `s${index}.sh`).join(' ')}; do sh -n "$f" 2>&1 || echo "FAIL $f"; done`
    const out = run('sh', ['-c', script])
    const failed = /FAIL s(\d+)\.sh/.exec(out)
    if (failed) throw new Error(`${out.slice(0, 2000)}\ninput: ${JSON.stringify(snippets[Number(failed[1])]?.input)}`)
  })

  it('a cURL snippet imports back as the same method, URL and headers (no auth, verification on)', () => {
    fc.assert(
      fc.property(snippetInput, (generated) => {
        const input: SnippetInput = { ...generated, auth: { kind: 'none' }, tls: { verify: true, caPath: null }, iterator: undefined }
        const code = returnsOrAppError(() => generateSnippet(input, 'curl'), CODES)
        if (code instanceof AppError) return
        const command = code.slice(code.search(/^curl /m))
        const imported = parseCurlCommand(command).request
        const expectedUrl = buildUrl(input.request.url, input.request.query)
        expectedUrl.hash = ''
        expect(imported.url).toBe(expectedUrl.href)
        expect(imported.method).toBe(input.request.method.trim().toUpperCase())
        for (const header of input.request.headers.filter((h) => h.enabled && h.name.trim() !== '')) {
          expect(imported.headers).toContainEqual({ name: header.name.trim(), value: header.value.trim(), enabled: true })
        }
      }),
      { numRuns: 1500 }
    )
  })
})
