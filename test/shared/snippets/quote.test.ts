import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { commentText, formEncode, pyBlock, pyString, seconds, shQuote } from '../../../src/shared/snippets/quote'

// The quoting is checked by the interpreters themselves: sh prints the word back, python3 evaluates the literal.
const SAMPLES = [
  '',
  'plain',
  "it's",
  `"double" $HOME \`id\` $(id) \\ ! * ? [a] ~ # ; & | < >`,
  'line\nbreak\r\ttab\x00nul\x1b\x7f',
  'é ü 日本 😀',
  "'''triple''' \"\"\"",
  'ends with backslash\\',
  '\u2028\u2029',
  '\ud800 lone surrogate'
]

describe('shQuote', () => {
  it('every sample comes back byte for byte from sh', () => {
    // argv cannot carry NUL or a lone surrogate, so those two samples are left to the Python check.
    const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
    for (const sample of SAMPLES.filter((text) => !text.includes('\x00') && !loneSurrogate.test(text))) {
      const out = spawnSync('sh', ['-c', `printf '%s' ${shQuote(sample)}`], { encoding: 'utf8' })
      expect(out.status).toBe(0)
      expect(out.stdout).toBe(sample)
    }
  })
})

describe('pyString / pyBlock', () => {
  it('python3 evaluates each literal to the same string', () => {
    const literals = SAMPLES.flatMap((sample) => [pyString(sample), pyBlock(sample), pyBlock(`${sample}\nsecond line`)])
    const script = `import json, sys\nvalues = [${literals.join(',\n')}]\nsys.stdout.write(json.dumps(values))`
    const out = spawnSync('python3', ['-c', script], { encoding: 'utf8' })
    expect(out.stderr).toBe('')
    const expected = SAMPLES.flatMap((sample) => [sample, sample, `${sample}\nsecond line`])
    expect(JSON.parse(out.stdout)).toEqual(expected)
  })

  it('keeps multi-line text readable when it safely can', () => {
    expect(pyBlock('{\n  "a": "b"\n}')).toBe(`'''{\n  "a": "b"\n}'''`)
    expect(pyBlock('a\\nb\nc')).toBe('"a\\\\nb\\nc"')
  })
})

describe('helpers', () => {
  it('encodes form values exactly as URLSearchParams (the engine)', () => {
    expect(formEncode('a b&c=d+é*~')).toBe('a+b%26c%3Dd%2B%C3%A9*%7E')
  })
  it('keeps comments on one line and formats seconds', () => {
    expect(commentText('a\nb\r\nc')).toBe('a b c')
    expect(seconds(10_000)).toBe('10')
    expect(seconds(1_500)).toBe('1.5')
  })
})
