/**
 * Parser for the regular-expression subset the sandbox's vendor filters accept (Mongo `$regex` in Cloud Exchange,
 * Netskope regex URL lists): literals, `.`, character classes and \d \w \s, anchors ^ $ \b \B, groups, `|`, and
 * the quantifiers * + ? {m,n}. Backreferences and lookaround need backtracking, so they are refused with a message.
 * Positions are UTF-16 code units, as in a JavaScript RegExp without the `u` flag.
 */
export class BoundedRegexError extends Error {}

export const REGEX_LIMITS = {
  /** Longest pattern accepted, in characters. */
  patternLength: 1024,
  /** Largest count in {m,n}. */
  repeat: 1000,
  /** Most instructions a compiled pattern may have (repeats are expanded). */
  program: 10_000,
  /** Steps one match may take per input character (plus one). */
  stepsPerChar: 10_000
} as const

export type CharRange = readonly [number, number]
export interface CharClass {
  ranges: CharRange[]
  negated: boolean
}
export type Assertion = 'start' | 'end' | 'word' | 'notWord'
export type RegexNode =
  | { kind: 'empty' }
  | { kind: 'class'; cls: CharClass }
  | { kind: 'any' }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; options: RegexNode[] }
  | { kind: 'repeat'; body: RegexNode; min: number; max: number }
  | { kind: 'assert'; what: Assertion }

const MAX_CODE = 0xffff
const DIGIT: CharRange[] = [[48, 57]]
const WORD: CharRange[] = [[48, 57], [65, 90], [95, 95], [97, 122]]
const SPACE: CharRange[] = [[9, 13], [32, 32], [160, 160], [5760, 5760], [8192, 8202], [8232, 8233], [8239, 8239], [8287, 8287], [12288, 12288], [65279, 65279]]
const CONTROL_ESCAPES: Record<string, number> = { t: 9, n: 10, v: 11, f: 12, r: 13, '0': 0 }

function complement(ranges: CharRange[]): CharRange[] {
  const out: CharRange[] = []
  let next = 0
  for (const [lo, hi] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (lo > next) out.push([next, lo - 1])
    next = Math.max(next, hi + 1)
  }
  if (next <= MAX_CODE) out.push([next, MAX_CODE])
  return out
}

const single = (code: number): CharRange[] => [[code, code]]

export function parseRegex(pattern: string): RegexNode {
  if (pattern.length > REGEX_LIMITS.patternLength) {
    throw new BoundedRegexError(`the pattern is longer than ${REGEX_LIMITS.patternLength} characters`)
  }
  let at = 0
  const fail = (message: string): never => {
    throw new BoundedRegexError(`${message} (at position ${at} of the pattern)`)
  }
  const peek = (offset = 0): string => pattern[at + offset] ?? ''

  /** A quantifier at `at` (without consuming it), or null when the text there is not one. */
  const quantifier = (): { min: number; max: number; length: number } | null => {
    const c = peek()
    if (c === '*') return { min: 0, max: Infinity, length: 1 }
    if (c === '+') return { min: 1, max: Infinity, length: 1 }
    if (c === '?') return { min: 0, max: 1, length: 1 }
    if (c !== '{') return null
    const braced = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(at, at + 24))
    if (braced === null) return null
    const min = Number(braced[1])
    const max = braced[2] === undefined ? min : braced[3] === '' ? Infinity : Number(braced[3])
    return { min, max, length: braced[0].length }
  }

  /** One escape after the backslash: a set of characters, or an assertion outside classes. */
  const escape = (inClass: boolean): CharRange[] | Assertion => {
    const c = peek()
    at++
    switch (c) {
      case '': return fail('the pattern ends with a lone \\')
      case 'd': return DIGIT
      case 'D': return complement(DIGIT)
      case 'w': return WORD
      case 'W': return complement(WORD)
      case 's': return SPACE
      case 'S': return complement(SPACE)
      case 'b': return inClass ? single(8) : 'word'
      case 'B': return inClass ? fail('\\B is not allowed in a character class') : 'notWord'
      case 'p': case 'P': return fail(`\\${c}{...} property classes are not supported`)
      case 'k': return peek() === '<' ? fail('backreferences (\\k<name>) are not supported') : single(107)
      case 'x': case 'u': {
        const digits = c === 'x' ? 2 : 4
        const hex = pattern.slice(at, at + digits)
        if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) return single(c.charCodeAt(0))
        at += digits
        return single(parseInt(hex, 16))
      }
      case 'c': {
        const letter = peek()
        if (!/^[A-Za-z]$/.test(letter)) return single(99)
        at++
        return single(letter.charCodeAt(0) % 32)
      }
      default:
        if (/^[1-9]$/.test(c)) return inClass ? single(c.charCodeAt(0)) : fail('backreferences (\\1 to \\9) are not supported')
        return single(CONTROL_ESCAPES[c] ?? c.charCodeAt(0))
    }
  }

  const charClass = (): RegexNode => {
    at++ // [
    const negated = peek() === '^'
    if (negated) at++
    const ranges: CharRange[] = []
    const member = (): CharRange[] => {
      if (peek() !== '\\') return single(pattern.charCodeAt(at++))
      at++
      const set = escape(true)
      return typeof set === 'string' ? fail('an assertion cannot be in a character class') : set
    }
    while (peek() !== ']') {
      if (at >= pattern.length) fail('unclosed character class: missing ]')
      const first = member()
      const [lo] = first
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== '' && first.length === 1 && lo !== undefined && lo[0] === lo[1]) {
        at++
        const second = member()
        const [hi] = second
        if (second.length === 1 && hi !== undefined && hi[0] === hi[1]) {
          if (hi[0] < lo[0]) fail('range out of order in character class')
          ranges.push([lo[0], hi[0]])
          continue
        }
        ranges.push(...first, [45, 45], ...second)
        continue
      }
      ranges.push(...first)
    }
    at++ // ]
    return { kind: 'class', cls: { ranges, negated } }
  }

  const group = (): RegexNode => {
    at++ // (
    if (peek() === '?') {
      const kind = pattern.slice(at, at + 3)
      if (kind.startsWith('?=') || kind.startsWith('?!')) fail('lookahead (?= and (?! is not supported')
      if (kind === '?<=' || kind === '?<!') fail('lookbehind (?<= and (?<! is not supported')
      if (kind.startsWith('?:')) at += 2
      else if (kind.startsWith('?<')) {
        const close = pattern.indexOf('>', at)
        if (close < 0 || !/^[A-Za-z_$][\w$]*$/.test(pattern.slice(at + 2, close))) fail('invalid group name')
        at = close + 1
      } else fail('unknown group kind (?')
    }
    const body = alternation()
    if (peek() !== ')') fail('unclosed group: missing )')
    at++
    return body
  }

  const atom = (): RegexNode => {
    const c = peek()
    switch (c) {
      case '(': return group()
      case '[': return charClass()
      case '.': at++; return { kind: 'any' }
      case '^': at++; return { kind: 'assert', what: 'start' }
      case '$': at++; return { kind: 'assert', what: 'end' }
      case '*': case '+': case '?': return fail('nothing to repeat')
      case '\\': {
        at++
        const set = escape(false)
        if (typeof set === 'string') return { kind: 'assert', what: set }
        return { kind: 'class', cls: { ranges: set, negated: false } }
      }
      default:
        if (c === '{' && quantifier() !== null) fail('nothing to repeat')
        at++
        return { kind: 'class', cls: { ranges: single(c.charCodeAt(0)), negated: false } }
    }
  }

  const sequence = (): RegexNode => {
    const items: RegexNode[] = []
    while (at < pattern.length && peek() !== '|' && peek() !== ')') {
      const body = atom()
      const q = quantifier()
      if (q === null) {
        items.push(body)
        continue
      }
      if (body.kind === 'assert') fail('nothing to repeat')
      if (q.min > REGEX_LIMITS.repeat || (q.max !== Infinity && q.max > REGEX_LIMITS.repeat)) {
        fail(`repeat counts above ${REGEX_LIMITS.repeat} are not supported`)
      }
      if (q.max < q.min) fail('numbers out of order in {} quantifier')
      at += q.length
      if (peek() === '?') at++ // lazy or greedy: the same for a yes/no match
      if (quantifier() !== null) fail('nothing to repeat')
      items.push({ kind: 'repeat', body, min: q.min, max: q.max })
    }
    return items.length === 0 ? { kind: 'empty' } : items.length === 1 ? (items[0] as RegexNode) : { kind: 'seq', items }
  }

  function alternation(): RegexNode {
    const options = [sequence()]
    while (peek() === '|') {
      at++
      options.push(sequence())
    }
    return options.length === 1 ? (options[0] as RegexNode) : { kind: 'alt', options }
  }

  const tree = alternation()
  if (at < pattern.length) fail('unmatched )')
  return tree
}
