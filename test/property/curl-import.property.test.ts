import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { parseCurlCommand } from '../../src/shared/collections/curl-import'
import { splitShellWords } from '../../src/shared/collections/shell-words'
import { AppError } from '../../src/shared/model/errors'
import { anyUtf16, nasty, returnsOrAppError } from './arbitraries'

// cURL import (curl-import.ts) and its shell word splitter (shell-words.ts): never a crash, and the splitter agrees
// with a real bash on generated commands.

const sq = (word: string): string => `'${word.replaceAll("'", `'\\''`)}'`
const pick = <T>(items: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...items)
const plainChar = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.,:@%+=\-/]$/), pick(['é', '😀', '!', '^']))

/** One shell word built from the quoting forms the splitter supports; no $VAR, globbing, braces or tilde. */
const shellChunk = fc.oneof(
  plainChar,
  pick(['\\ ', '\\"', "\\'", '\\\\', '\\$', '\\a', '\\\n']),
  fc.string({ unit: fc.oneof(plainChar, pick([' ', '"', '\\', '$', '\n', '`', '&', ';', '|', '#'])), maxLength: 6 }).map((text) => `'${text}'`),
  fc.array(fc.oneof(plainChar, pick([' ', "'", '\\"', '\\\\', '\\$', '\\`', '\\a', '\\\n', '&', ';', '#', '\n'])), { maxLength: 6 }).map((parts) => `"${parts.join('')}"`),
  fc.array(fc.oneof(plainChar, pick([' ', '"', '\\n', '\\t', "\\'", '\\\\', '\\x41', '\\x7', '\\101', '\\0', '\\u00e9', '\\e', '\\z'])), { maxLength: 5 }).map((parts) => `$'${parts.join('')}'`)
)
const shellWord = fc.array(shellChunk, { minLength: 1, maxLength: 4 }).map((chunks) => chunks.join(''))
const command = fc.array(shellWord, { minLength: 1, maxLength: 5 }).chain((words) => pick([' ', '  ', '\t', ' \\\n ']).map((gap) => words.join(gap)))

const workDir = mkdtempSync(join(tmpdir(), 'shell-words-'))
afterAll(() => rmSync(workDir, { recursive: true, force: true }))

/** The words bash makes of each command (one bash process for the whole batch; no globbing or brace expansion). */
function bashWords(commands: string[]): string[][] {
  const script = ['set -f +B', ...commands.map((cmd) => `printf '%s\\0' @ ${cmd}; printf '\\1\\0'`)].join('\n')
  const result = spawnSync('bash', ['--norc', '--noprofile', '-s'], { input: script, cwd: workDir, env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' }, maxBuffer: 1 << 24 })
  if (result.status !== 0) throw new Error(`bash failed: ${result.stderr.toString()}`)
  const out: string[][] = [[]]
  for (const field of result.stdout.toString('utf8').split('\0').slice(0, -1)) {
    if (field === '\x01') out.push([])
    else out[out.length - 1]?.push(field)
  }
  // The leading "@" word keeps printf from printing once with no arguments when a command has no words.
  return out.slice(0, -1).map((words) => words.slice(1))
}

describe('splitShellWords (property)', () => {
  it('splits generated commands into the same words as bash', () => {
    // A new seed each run, like fc.assert; it is in every failure message so a failure can be replayed.
    const seed = Math.floor(Math.random() * 2 ** 31)
    const samples = fc.sample(command, { numRuns: 1500, seed })
    const expected = bashWords(samples)
    expect(expected).toHaveLength(samples.length)
    samples.forEach((cmd, index) => {
      let words: string[] | string
      try {
        words = splitShellWords(cmd).words
      } catch (error) {
        words = String(error)
      }
      expect({ seed, cmd, words }).toEqual({ seed, cmd, words: expected[index] })
    })
  })

  it('single-quoting any words and joining them gives those words back', () => {
    fc.assert(
      fc.property(fc.array(anyUtf16(12), { minLength: 1, maxLength: 5 }), (words) => {
        expect(splitShellWords(words.map(sq).join(' ')).words).toEqual(words)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('parseCurlCommand (property)', () => {
  it('regressions found by the properties below', () => {
    // -X '' used to give a request with an empty method; $'\0' used to put a NUL into the word (bash ends it there).
    expect(parseCurlCommand("curl -X '' http://a.aa").request.method).toBe('GET')
    expect(parseCurlCommand("curl -H $'X-A: b\\0c' http://a.aa").request.headers).toEqual([{ name: 'X-A', value: 'b', enabled: true }])
  })

  const option = pick(['-X', '-H', '-d', '--data-raw', '--data-urlencode', '-F', '--form-string', '-u', '-G', '-I', '-k', '-L', '--json', '-b', '-A', '-e', '--url', '-o', '--compressed', '--next', '-K', '-T', '--bogus', '-'])
  const curlish = fc
    .array(fc.oneof(option, nasty(12), shellWord, fc.webUrl()), { maxLength: 8 })
    .map((words) => `curl ${words.join(' ')}`)

  it('any text becomes a request or is refused with a "Cannot ..." message', () => {
    fc.assert(
      fc.property(fc.oneof(curlish, nasty(60), anyUtf16(60)), (text) => {
        const result = returnsOrAppError(() => parseCurlCommand(text), ['INVALID_INPUT'])
        if (result instanceof AppError) {
          expect(result.message).toMatch(/^Cannot (import|read) the cURL command: /)
          return
        }
        expect(result.request.method).not.toBe('')
        expect(result.request.url).not.toBe('')
      }),
      { numRuns: 3000 }
    )
  })

  it('header and data values survive quoting: curl -H and --data-raw give back what was quoted', () => {
    const headerValue = nasty(20).map((text) => text.replace(/[\r\n]/g, '').trim())
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/), headerValue, nasty(30), (name, value, data) => {
        fc.pre(value !== '' && !/^(authorization|cookie|x-auth-token|api-key|netskope-api-token|content-type)$/i.test(name))
        const parsed = parseCurlCommand(`curl -H ${sq(`${name}: ${value}`)} --data-raw ${sq(data)} -H 'Content-Type: text/plain' https://h.example/p`)
        expect(parsed.request.headers[0]).toEqual({ name, value, enabled: true })
        expect(parsed.request.body).toEqual({ kind: 'text', text: data, contentType: 'text/plain' })
      }),
      { numRuns: 2000 }
    )
  })
})
