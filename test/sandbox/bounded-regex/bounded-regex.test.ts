import { describe, expect, it } from 'vitest'
import { BoundedRegexError, compileBoundedRegex, REGEX_LIMITS, StepBudget } from '../../../src/sandbox/bounded-regex'

// Safe patterns the vendors' filters use, checked against JavaScript's own RegExp on the same inputs.
const TABLE: { pattern: string; flags?: string; inputs: string[] }[] = [
  { pattern: 'abc', inputs: ['abc', 'xxabcxx', 'ab', ''] },
  { pattern: '^abc$', inputs: ['abc', 'abcd', 'xabc'] },
  { pattern: 'a.c', inputs: ['abc', 'a\nc', 'ac'] },
  { pattern: 'a.c', flags: 's', inputs: ['a\nc'] },
  { pattern: '^[a-f0-9]{32}$', inputs: ['0123456789abcdef0123456789abcdef', '0123456789abcdef0123456789abcde', 'g123456789abcdef0123456789abcdef'] },
  { pattern: '[^a-z]+', inputs: ['abc', 'ab1', '---'] },
  { pattern: 'colou?r', inputs: ['color', 'colour', 'colouur'] },
  { pattern: 'ba+d', inputs: ['bd', 'bad', 'baaad'] },
  { pattern: 'x*y', inputs: ['y', 'xxy', 'x'] },
  { pattern: '^a{2,3}$', inputs: ['a', 'aa', 'aaa', 'aaaa'] },
  { pattern: '^a{2}$', inputs: ['a', 'aa', 'aaa'] },
  { pattern: '^a{2,}$', inputs: ['a', 'aa', 'aaaaaa'] },
  { pattern: '\\.bad\\.example$', inputs: ['x.bad.example', 'xbadxexample', 'x.bad.example.org'] },
  { pattern: '^https?://[a-z0-9]+\\.evil\\.example/.*$', inputs: ['https://abc.evil.example/x', 'ftp://abc.evil.example/', 'http://a.evil.example/'] },
  { pattern: '(foo|bar)baz', inputs: ['foobaz', 'barbaz', 'bazbaz', 'xbarbazx'] },
  { pattern: '(?:ab)+$', inputs: ['ababab', 'aba', 'xab'] },
  { pattern: '\\d+\\.\\d+', inputs: ['198.51', 'a.b', '1.'] },
  { pattern: '^\\w+@\\w+$', inputs: ['me@host', 'me@', 'm e@host'] },
  { pattern: '\\s', inputs: ['a b', 'ab', 'a\tb'] },
  { pattern: '\\bbox\\b', inputs: ['box', 'a box here', 'boxes', 'inbox'] },
  { pattern: 'BOX', flags: 'i', inputs: ['box', 'Box', 'bo'] },
  { pattern: '[A-C]x', flags: 'i', inputs: ['bx', 'BX', 'dx'] },
  { pattern: '^b', flags: 'm', inputs: ['a\nb', 'ab'] },
  { pattern: 'a$', flags: 'm', inputs: ['a\nb', 'ab'] },
  { pattern: '(a+)+$', inputs: ['aaaa', 'aaaa!', ''] },
  { pattern: '(a*)*b', inputs: ['aaab', 'aaa', 'b'] },
  { pattern: '', inputs: ['', 'x'] },
  { pattern: 'a|', inputs: ['', 'b'] },
  { pattern: '\\x41\\u0042', inputs: ['AB', 'ab'] },
  { pattern: '[\\d.-]+', inputs: ['1-2.3', 'abc'] },
  { pattern: 'a{,2}', inputs: ['a{,2}', 'aa'] },
  { pattern: '198\\.51\\.100\\.(1|2)\\d', inputs: ['198.51.100.17', '198.51.100.37'] }
]

describe('bounded regex', () => {
  it.each(TABLE)('agrees with RegExp on /$pattern/$flags', ({ pattern, flags = '', inputs }) => {
    const bounded = compileBoundedRegex(pattern, flags)
    for (const input of inputs) expect(bounded.test(input), JSON.stringify(input)).toBe(new RegExp(pattern, flags).test(input))
  })

  it.each([
    ['(a)\\1', /backreference/],
    ['(?<n>a)\\k<n>', /backreference/],
    ['a(?=b)', /lookahead|lookaround/],
    ['a(?!b)', /lookahead|lookaround/],
    ['(?<=a)b', /lookbehind|lookaround/],
    ['(?<!a)b', /lookbehind|lookaround/],
    ['\\p{L}', /not supported/],
    ['(ab', /unclosed|missing \)/],
    ['ab)', /unmatched \)/],
    ['[ab', /unclosed|missing \]/],
    ['*a', /nothing to repeat/],
    ['a{1001}', /1000/],
    ['[z-a]', /range/],
    ['a'.repeat(REGEX_LIMITS.patternLength + 1), /1024/],
    ['((a{1000}){1000}){1000}', /too complex/]
  ])('refuses %s with a message', (pattern, message) => {
    expect(() => compileBoundedRegex(pattern)).toThrow(BoundedRegexError)
    expect(() => compileBoundedRegex(pattern)).toThrow(message)
  })

  it('counts its steps and stops at the budget it is given', () => {
    const regex = compileBoundedRegex('(a|aa)*c')
    const budget = new StepBudget(1_000)
    expect(() => regex.test('a'.repeat(10_000), budget)).toThrow(/steps/)
    const enough = new StepBudget(10_000_000)
    expect(regex.test('a'.repeat(1_000), enough)).toBe(false)
    expect(enough.used).toBeGreaterThan(1_000)
    expect(enough.used).toBeLessThanOrEqual(regex.size * 2 * 1_001)
  })
})
