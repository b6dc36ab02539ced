/**
 * Paging and sorting arguments of Falcon query endpoints. Invalid values throw PagingError, which the
 * server answers with a 400 in Falcon's error envelope.
 */
import { fieldOf, type Record_ } from './fql'

export class PagingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PagingError'
  }
}

function integer(raw: string, name: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw new PagingError(`${name} must be a non-negative integer`)
  return Number(raw)
}

/** `limit` in [1, max]; absent means `fallback`. */
export function readLimit(raw: string | null | undefined, max: number, fallback: number): number {
  if (raw === null || raw === undefined || raw === '') return fallback
  const limit = integer(raw, 'limit')
  if (limit < 1 || limit > max) throw new PagingError(`limit must be between 1 and ${max}`)
  return limit
}

export function readOffset(raw: string | null | undefined): number {
  if (raw === null || raw === undefined || raw === '') return 0
  return integer(raw, 'offset')
}

/**
 * Opaque continuation tokens (`after`, the hosts scroll `offset`): the next position, the collection it
 * belongs to and, for scroll tokens, when it stops working.
 */
interface TokenBody {
  c: string
  p: number
  e?: number
}

export function encodeToken(collection: string, position: number, expiresAtMs?: number): string {
  const body: TokenBody = expiresAtMs === undefined ? { c: collection, p: position } : { c: collection, p: position, e: expiresAtMs }
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')
}

export function decodeToken(raw: string, collection: string, nowMs: number, name: string): number {
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    throw new PagingError(`invalid ${name} token`)
  }
  const token = body as Partial<TokenBody>
  if (typeof body !== 'object' || body === null || token.c !== collection || typeof token.p !== 'number' || token.p < 0) {
    throw new PagingError(`invalid ${name} token`)
  }
  if (token.e !== undefined && token.e <= nowMs) throw new PagingError(`${name} token has expired`)
  return token.p
}

/** `field.asc`, `field.desc`, `field|asc` or `field|desc` (Falcon APIs use both spellings); a bare field sorts ascending. */
export function readSort(raw: string | null | undefined, fields: readonly string[]): { field: string; descending: boolean } | null {
  if (raw === null || raw === undefined || raw === '') return null
  const match = /^([a-z_][a-z0-9_.]*?)(?:[.|](asc|desc))?$/i.exec(raw.trim())
  const field = match?.[1]
  if (field === undefined || !fields.includes(field)) throw new PagingError(`invalid sort "${raw.slice(0, 80)}"`)
  return { field, descending: match?.[2]?.toLowerCase() === 'desc' }
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  const x = a === undefined || a === null ? '' : String(a)
  const y = b === undefined || b === null ? '' : String(b)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A stable sort (ties keep generation order, so paging never repeats or skips a record). */
export function sortRecords<T extends Record_>(records: readonly T[], sort: { field: string; descending: boolean } | null): T[] {
  if (sort === null) return [...records]
  const sign = sort.descending ? -1 : 1
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => sign * compareValues(fieldOf(a.record, sort.field), fieldOf(b.record, sort.field)) || a.index - b.index)
    .map((entry) => entry.record)
}
