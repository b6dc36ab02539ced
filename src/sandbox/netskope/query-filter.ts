/**
 * The small subset of the tenant's event query language the sandbox understands:
 *   app eq Box and activity eq 'Upload' or (severity ne Low)
 * Clauses are `field op value` with op in eq, ne, like, gt, ge, lt, le; `and` binds tighter than `or`.
 * Values may be quoted with ' or ". `like` is a case-insensitive substring match (`%` wildcards allowed).
 * Queries are at most MAX_QUERY_LENGTH characters and are split into clauses in one linear pass.
 */
type Op = 'eq' | 'ne' | 'like' | 'gt' | 'ge' | 'lt' | 'le'

interface Clause {
  field: string
  op: Op
  value: string
}

export interface QueryFilter {
  /** Cheap test on the record's JSON text; false means the record cannot match. */
  mayMatch(json: string): boolean
  matches(record: Record<string, unknown>): boolean
}

export class QuerySyntaxError extends Error {}

/** Longest query accepted, including the type and acked conditions the sandbox adds to it. */
export const MAX_QUERY_LENGTH = 4096

const isSpace = (c: string | undefined): boolean => c !== undefined && c.trim() === '' && c !== ''

/**
 * `text.split(/\s+word\s+/i)` in one pass: that RegExp retries its whitespace run from every position inside it,
 * quadratic in a long run of spaces.
 */
export function splitAtWord(text: string, word: string): string[] {
  const parts: string[] = []
  let segmentStart = 0
  let i = 0
  while (i < text.length) {
    if (!isSpace(text[i])) {
      i++
      continue
    }
    let wordStart = i
    while (isSpace(text[wordStart])) wordStart++
    const wordEnd = wordStart + word.length
    if (isSpace(text[wordEnd]) && text.slice(wordStart, wordEnd).toLowerCase() === word) {
      let next = wordEnd
      while (isSpace(text[next])) next++
      parts.push(text.slice(segmentStart, i))
      segmentStart = next
      i = next
    } else i = wordStart
  }
  parts.push(text.slice(segmentStart))
  return parts
}

const CLAUSE = /^\(*\s*([A-Za-z_][\w.]*)\s+(eq|ne|like|gt|ge|lt|le)\s+(?:'([^']*)'|"([^"]*)"|([^\s()]+))\s*\)*$/i

function parseClause(text: string): Clause {
  const match = CLAUSE.exec(text.trim())
  if (match === null) {
    throw new QuerySyntaxError(`cannot read "${text.trim()}"; expected <field> <eq|ne|like|gt|ge|lt|le> <value>`)
  }
  const [, field = '', op = 'eq', single, double, bare] = match
  return { field, op: op.toLowerCase() as Op, value: single ?? double ?? bare ?? '' }
}

function compare(actual: unknown, op: Op, expected: string): boolean {
  if (actual === undefined || actual === null) return op === 'ne'
  const text = typeof actual === 'string' ? actual : JSON.stringify(actual)
  const numeric = typeof actual === 'number' && expected.trim() !== '' && Number.isFinite(Number(expected))
  switch (op) {
    case 'eq':
      return numeric ? actual === Number(expected) : text === expected
    case 'ne':
      return numeric ? actual !== Number(expected) : text !== expected
    case 'like':
      return text.toLowerCase().includes(expected.replace(/%/g, '').toLowerCase())
    case 'gt':
      return numeric ? (actual as number) > Number(expected) : text > expected
    case 'ge':
      return numeric ? (actual as number) >= Number(expected) : text >= expected
    case 'lt':
      return numeric ? (actual as number) < Number(expected) : text < expected
    case 'le':
      return numeric ? (actual as number) <= Number(expected) : text <= expected
  }
}

function needles(clause: Clause): string[] | null {
  if (clause.op !== 'eq' || clause.field.includes('.')) return null
  const key = JSON.stringify(clause.field)
  return [`${key}:${JSON.stringify(clause.value)}`, `${key}:${clause.value}`]
}

export function parseQuery(query: string): QueryFilter {
  if (query.length > MAX_QUERY_LENGTH) throw new QuerySyntaxError(`the query is longer than ${MAX_QUERY_LENGTH} characters`)
  const branches = splitAtWord(query, 'or').map((branch) => splitAtWord(branch, 'and').map(parseClause))
  const prefilters = branches.map((clauses) => clauses.map(needles).filter((n): n is string[] => n !== null))
  const get = (record: Record<string, unknown>, path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) =>
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined, record)
  return {
    mayMatch: (json) => prefilters.some((all) => all.every((options) => options.some((n) => json.includes(n)))),
    matches: (record) =>
      branches.some((clauses) => clauses.every((c) => compare(get(record, c.field), c.op, c.value)))
  }
}
