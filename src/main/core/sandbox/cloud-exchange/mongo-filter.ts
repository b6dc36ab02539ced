/**
 * The subset of Mongo queries CE's `filters` parameter accepts: field equality (also on array elements and
 * dotted paths into arrays of objects), $eq $ne $gt $gte $lt $lte $in $nin $regex/$options $not $exists,
 * and $and $or $nor. Strings like 1970-01-01T00:00:00+0000 compare as dates, as in CE.
 */
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

function regexOf(pattern: unknown, options: unknown): RegExp {
  if (typeof pattern !== 'string') throw new FilterError('$regex needs a string pattern')
  try {
    return new RegExp(pattern, typeof options === 'string' ? options.replace(/[^imsu]/g, '') : '')
  } catch {
    throw new FilterError(`invalid regular expression ${JSON.stringify(pattern)}`)
  }
}

function operatorMatches(values: unknown[], ops: Doc): boolean {
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
        return values.some((v) => typeof v === 'string' && re.test(v))
      }
      case '$options': return true
      case '$not': {
        const re = isRecord(arg) ? regexOf(arg['$regex'], arg['$options']) : regexOf(arg, '')
        return !values.some((v) => typeof v === 'string' && re.test(v))
      }
      default: throw new FilterError(`operator ${op} is not supported`)
    }
  })
}

export function matchesFilter(doc: Doc, filter: Doc): boolean {
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition) || condition.some((c) => !isRecord(c))) throw new FilterError(`${key} needs an array of objects`)
      const parts = condition as Doc[]
      if (key === '$and') return parts.every((c) => matchesFilter(doc, c))
      if (key === '$or') return parts.some((c) => matchesFilter(doc, c))
      return !parts.some((c) => matchesFilter(doc, c))
    }
    if (key.startsWith('$')) throw new FilterError(`operator ${key} is not supported at the top level`)
    const values = valuesAt(doc, key.split('.'))
    if (isRecord(condition) && Object.keys(condition).some((k) => k.startsWith('$'))) return operatorMatches(values, condition)
    return values.some((v) => equals(v, condition))
  })
}
