/**
 * A bounded subset of the Falcon Query Language: terms joined by `+` (AND), each `field:value` (equality),
 * `field:!value` (negation) or `field:>value` / `>=` / `<` / `<=` (range). Values are 'quoted', "quoted" or
 * bare (numbers, true/false, words). Equality on text ignores case; a list field matches when any element
 * does. Anything else (`,` OR, brackets, wildcards) is refused with FqlError, so the sandbox never guesses.
 */
export class FqlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FqlError'
  }
}

export type Operator = ':' | ':!' | ':>' | ':>=' | ':<' | ':<='

export interface FqlTerm {
  field: string
  operator: Operator
  value: string
}

export type Record_ = Readonly<Record<string, unknown>>

const MAX_FILTER_LENGTH = 2000
const MAX_TERMS = 20
/** field, operator, then a quoted value or a bare run without FQL metacharacters. */
const TERM = /^([a-z_][a-z0-9_.]{0,63}):(!|>=|<=|>|<)?(?:'([^']{0,500})'|"([^"]{0,500})"|([^'"+,[\]*()\s]{1,500}))$/i

/**
 * Splits on `+` outside quotes (a quoted value may contain one). Whitespace outside quotes also separates
 * terms: a `+` typed raw into a URL arrives as a space once the query string is decoded.
 */
function splitTerms(filter: string): string[] {
  const terms: string[] = []
  let current = ''
  let quote: string | null = null
  for (const ch of filter) {
    if (quote !== null) {
      if (ch === quote) quote = null
      current += ch
    } else if (ch === "'" || ch === '"') {
      quote = ch
      current += ch
    } else if (ch === '+' || /\s/.test(ch)) {
      terms.push(current)
      current = ''
    } else {
      current += ch
    }
  }
  if (quote !== null) throw new FqlError('unterminated quoted value')
  terms.push(current)
  return terms.filter((t) => t !== '')
}

export function parseFql(filter: string, fields: readonly string[]): FqlTerm[] {
  if (filter.length > MAX_FILTER_LENGTH) throw new FqlError(`filter is longer than ${MAX_FILTER_LENGTH} characters`)
  if (filter.trim() === '') return []
  const parts = splitTerms(filter)
  if (parts.length > MAX_TERMS) throw new FqlError(`filter has more than ${MAX_TERMS} terms`)
  return parts.map((part) => {
    const match = TERM.exec(part)
    if (match === null) throw new FqlError(`unsupported filter term "${part.slice(0, 80)}"`)
    const field = match[1] ?? ''
    if (!fields.includes(field)) throw new FqlError(`unknown filter field "${field}"`)
    const value = match[3] ?? match[4] ?? match[5] ?? ''
    return { field, operator: `:${match[2] ?? ''}` as Operator, value }
  })
}

/** Reads a dotted path (`device.hostname`) from a record. */
export function fieldOf(record: Record_, path: string): unknown {
  let current: unknown = record
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined
    current = (current as Record_)[key]
  }
  return current
}

function compare(actual: unknown, wanted: string): number | null {
  if (typeof actual === 'number') {
    const n = Number(wanted)
    return Number.isFinite(n) ? actual - n : null
  }
  if (typeof actual === 'string') return actual < wanted ? -1 : actual > wanted ? 1 : 0
  return null
}

function equals(actual: unknown, wanted: string): boolean {
  if (typeof actual === 'number') return actual === Number(wanted)
  if (typeof actual === 'boolean') return String(actual) === wanted.toLowerCase()
  if (typeof actual === 'string') return actual.toLowerCase() === wanted.toLowerCase()
  return false
}

function termMatches(term: FqlTerm, actual: unknown): boolean {
  const values: unknown[] = Array.isArray(actual) ? actual : [actual]
  switch (term.operator) {
    case ':':
      return values.some((v) => equals(v, term.value))
    case ':!':
      return !values.some((v) => equals(v, term.value))
    default: {
      return values.some((v) => {
        const c = compare(v, term.value)
        if (c === null) return false
        if (term.operator === ':>') return c > 0
        if (term.operator === ':>=') return c >= 0
        if (term.operator === ':<') return c < 0
        return c <= 0
      })
    }
  }
}

export function matchesAll(record: Record_, terms: readonly FqlTerm[]): boolean {
  return terms.every((term) => termMatches(term, fieldOf(record, term.field)))
}
