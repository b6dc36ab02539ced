import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/model/errors'
import { buildUrl, validateHeaders, validateMethod } from '../../../../src/main/core/http/validate'
import { checkJson } from '../../../../src/main/core/http/json-check'
import { row } from './helpers'

function codeOf(work: () => unknown): { code: string; message: string } {
  try {
    work()
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected an AppError')
}

describe('URL validation', () => {
  it('rejects empty, scheme-less, malformed and non-http URLs with a reason', () => {
    expect(codeOf(() => buildUrl('', [])).code).toBe('INVALID_URL')
    expect(codeOf(() => buildUrl('example.com/path', [])).message).toMatch(/no scheme/)
    expect(codeOf(() => buildUrl('https://host:99999/x', [])).message).toMatch(/port 99999 is out of range/)
    expect(codeOf(() => buildUrl('https://host:abc/x', [])).message).toMatch(/port "abc" is not a number/)
    expect(codeOf(() => buildUrl('https://', [])).message).toMatch(/host name is missing/)
    expect(codeOf(() => buildUrl('https://ho st/x', [])).message).toMatch(/whitespace at character 11/)
    const ftp = codeOf(() => buildUrl('ftp://files.example.com/a', []))
    expect(ftp.code).toBe('UNSUPPORTED_SCHEME')
    expect(ftp.message).toContain('ftp:')
    expect(codeOf(() => buildUrl('file:///etc/passwd', [])).code).toBe('UNSUPPORTED_SCHEME')
  })

  it('never echoes a credential from the URL in the error', () => {
    const error = codeOf(() => buildUrl('https://host:bad/x?token=supersecretvalue1234', []))
    expect(error.message).not.toContain('supersecretvalue')
  })

  it('appends enabled query rows after the existing query', () => {
    const url = buildUrl('https://h.example/p?x=1#frag', [row('a', '1 2'), row('b', 'no', false), row('c', '&=')])
    expect(url.search).toBe('?x=1&a=1+2&c=%26%3D')
  })
})

describe('header and method validation', () => {
  it('accepts token names and trims values', () => {
    expect(validateHeaders([row('X-Ok_1!', '  v  '), row('off', 'x\r\n', false)])).toEqual([['X-Ok_1!', 'v']])
  })

  it('names the header and row for a bad name', () => {
    const error = codeOf(() => validateHeaders([row('Good', '1'), row('Bad Name', '2')]))
    expect(error.code).toBe('INVALID_HEADER')
    expect(error.message).toContain('"Bad Name"')
    expect(error.message).toContain('row 2')
    expect(error.message).toContain('space')
    expect(codeOf(() => validateHeaders([row('X:Y', '1')])).message).toContain('":"')
  })

  it('rejects CR, LF and NUL in values, naming the header', () => {
    for (const bad of ['a\r\nInjected: 1', 'a\nb', 'a\0b']) {
      const error = codeOf(() => validateHeaders([row('X-Val', bad)]))
      expect(error.code).toBe('INVALID_HEADER')
      expect(error.message).toContain('"X-Val"')
      expect(error.message).toContain('row 1')
    }
    expect(codeOf(() => validateHeaders([row('X-Euro', '5 €')])).message).toContain('U+20AC')
  })

  it('validates the method as a token', () => {
    expect(validateMethod(' post ')).toBe('POST')
    expect(validateMethod('MKCOL')).toBe('MKCOL')
    expect(codeOf(() => validateMethod('GE\nT')).message).toContain('line feed')
    expect(codeOf(() => validateMethod('')).code).toBe('INVALID_INPUT')
  })
})

describe('JSON check', () => {
  it('accepts valid JSON', () => {
    expect(checkJson('{"a":[1,2,{"b":null}],"c":"\\u00e9"}')).toBeNull()
    expect(checkJson('  42 ')).toBeNull()
  })

  it.each([
    ['{"a": 1,}', 1, 9, /trailing comma/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /expected ',' or '}'/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ['{"a": tru}', 1, 7, /expected a value/],
    ['{"a": "x', 1, 7, /unterminated string/],
    ['[1, 2', 1, 6, /not closed/],
    ['{"a": 01}', 1, 8, /invalid number/],
    ['{} {}', 1, 4, /after the end/],
    ['', 1, 1, /empty/],
    ['"a\tb"', 1, 3, /inside a string/]
  ])('locates the problem in %j', (text, line, column, message) => {
    const problem = checkJson(text)
    expect(problem).not.toBeNull()
    expect(problem?.message).toMatch(message)
    expect([problem?.line, problem?.column]).toEqual([line, column])
  })

  it('handles deep nesting without a stack overflow', () => {
    expect(checkJson('['.repeat(100_000))?.message).toMatch(/end of input/)
    expect(checkJson('['.repeat(100_000) + '1')?.message).toMatch(/not closed/)
  })
})
