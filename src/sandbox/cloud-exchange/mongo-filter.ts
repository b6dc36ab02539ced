/**
 * The subset of Mongo queries CE's `filters` parameter accepts: field equality (also on array elements and
 * dotted paths into arrays of objects), $eq $ne $gt $gte $lt $lte $in $nin $regex/$options $not $exists,
 * and $and $or $nor. Strings like 1970-01-01T00:00:00+0000 compare as dates, as in CE. `$regex` runs on the
 * bounded matcher (../bounded-regex): a client's pattern costs linear work, counted against the request's budget.
 */
import { BoundedRegexError, compileBoundedRegex, StepBudget, type BoundedRegex } from '../bounded-regex'
import { isRecord } from '../http/body'

export class FilterError extends Error {}

type Doc = Record<string, unknown>

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/

function comparable(value: unknown): unknown {
  if (typeof value === 'string' && DATE_LIKE.test(value)) return Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
  return value
}

/** All values at a dotted path; arrays along the way fan out (Mongo semantics). */
function valuesAt(doc: unknown, path: string[]): unknown[] {
  if (path.length === 0) return Array.isArray(doc) ? [doc, ...doc] : [doc]
  if (Array.isArray(doc)) return doc.flatMap((item) => valuesAt(item, path))
  if (!isRecord(doc)) return [undefined]
  const [head = '', ...rest] = path
  return valuesAt(doc[head], rest)
}

function equals(a: unknown, b: unknown): boolean {
  const x = comparable(a)
  const y = comparable(b)
  if (x === y) return true
  return JSON.stringify(x) === JSON.stringify(y)
}

function order(a: unknown, b: unknown, test: (n: number) => boolean): boolean {
  const x = comparable(a)
  const y = comparable(b)
  if (typeof x === 'number' && typeof y === 'number') return test(x - y)
  if (typeof x === 'string' && typeof y === 'string') return test(x < y ? -1 : x > y ? 1 : 0)
  return false
}

/** Matching steps one filtered request may spend on `$regex`: about half a second of work in the sandbox worker. */
export const FILTER_STEP_BUDGET = 20_000_000

/** Patterns compiled recently: a request tests the same pattern against every document. */
const compiled = new Map<string, BoundedRegex>()

function regexOf(pattern: unknown, options: unknown): BoundedRegex {
  if (typeof pattern !== 'string') throw new FilterError('$regex needs a string pattern')
  // Mongo's x (extended) option has no effect on these patterns; the other letters are RegExp flags.
  const flags = typeof options === 'string' ? [...new Set(options.replace(/x/g, ''))].join('') : ''
  const key = `${flags}/${pattern}`
  const known = compiled.get(key)
  if (known) return known
  try {
    const regex = compileBoundedRegex(pattern, flags)
    if (compiled.size >= 100) compiled.clear()
    compiled.set(key, regex)
    return regex
  } catch (error) {
    const shown = JSON.stringify(pattern.length > 60 ? `${pattern.slice(0, 60)}...` : pattern)
    throw new FilterError(`invalid regular expression ${shown}: ${error instanceof Error ? error.message : 'unreadable'}`)
  }
}

function regexTest(re: BoundedRegex, value: unknown, budget: StepBudget): boolean {
  if (typeof value !== 'string') return false
  try {
    return re.test(value, budget)
  } catch (error) {
    if (error instanceof BoundedRegexError) throw new FilterError(`$regex refused: ${error.message}`)
    throw error
  }
}

function operatorMatches(values: unknown[], ops: Doc, budget: StepBudget): boolean {
  return Object.entries(ops).every(([op, arg]) => {
    switch (op) {
      case '$eq': return values.some((v) => equals(v, arg))
      case '$ne': return !values.some((v) => equals(v, arg))
      case '$gt': return values.some((v) => order(v, arg, (n) => n > 0))
      case '$gte': return values.some((v) => order(v, arg, (n) => n >= 0))
      case '$lt': return values.some((v) => order(v, arg, (n) => n < 0))
      case '$lte': return values.some((v) => order(v, arg, (n) => n <= 0))
      case '$in':
        if (!Array.isArray(arg)) throw new FilterError('$in needs an array')
        return values.some((v) => arg.some((a) => equals(v, a)))
      case '$nin':
        if (!Array.isArray(arg)) throw new FilterError('$nin needs an array')
        return !values.some((v) => arg.some((a) => equals(v, a)))
      case '$exists': return values.some((v) => v !== undefined) === Boolean(arg)
      case '$regex': {
        const re = regexOf(arg, ops['$options'])
        return values.some((v) => regexTest(re, v, budget))
      }
      case '$options': return true
      case '$not': {
        const re = isRecord(arg) ? regexOf(arg['$regex'], arg['$options']) : regexOf(arg, '')
        return !values.some((v) => regexTest(re, v, budget))
      }
      default: throw new FilterError(`operator ${op} is not supported`)
    }
  })
}

export function matchesFilter(doc: Doc, filter: Doc, budget: StepBudget = new StepBudget(FILTER_STEP_BUDGET)): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition) || condition.some((c) => !isRecord(c))) throw new FilterError(`${key} needs an array of objects`)
      const parts = condition as Doc[]
      if (key === '$and') return parts.every((c) => matchesFilter(doc, c, budget))
      if (key === '$or') return parts.some((c) => matchesFilter(doc, c, budget))
      return !parts.some((c) => matchesFilter(doc, c, budget))
    }
    if (key.startsWith('$')) throw new FilterError(`operator ${key} is not supported at the top level`)
    const values = valuesAt(doc, key.split('.'))
    if (isRecord(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) return operatorMatches(values, condition, budget)
    return values.some((v) => equals(v, condition))
  })
}
