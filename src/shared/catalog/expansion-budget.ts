import type { Json } from './refs'

/*
 * Inlining $refs can turn a few KB of OpenAPI into hundreds of MB: ten properties that all point at the next schema,
 * ten levels down, is 10^10 leaves. Imported documents are inlined against these caps; a schema over one
 * keeps what fit plus a `$comment` saying which cap cut it, and the import report names where.
 */

export interface ExpansionLimits {
  /** Characters of expanded JSON per schema (one parameter, body or response schema). */
  schemaBytes: number
  /** $refs followed inside one another. */
  refDepth: number
  /** Objects and arrays nested inside one another in an expanded schema. */
  nesting: number
  /** Characters of expanded JSON for all schemas of one document together. */
  catalogBytes: number
}
export type ExpansionCap = keyof ExpansionLimits

export const UNLIMITED: ExpansionLimits = { schemaBytes: Infinity, refDepth: Infinity, nesting: Infinity, catalogBytes: Infinity }

/** Caps for files the user imports: far above real APIs (the largest public schemas inline to a few hundred KB). */
export const IMPORT_EXPANSION_LIMITS: ExpansionLimits = { schemaBytes: 1 << 20, refDepth: 32, nesting: 256, catalogBytes: 32 << 20 }

/** The cap in words, e.g. "1 MB of expanded JSON per schema". */
export function describeCap(cap: ExpansionCap, limits: ExpansionLimits): string {
  const mb = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`
  switch (cap) {
    case 'schemaBytes': return `${mb(limits.schemaBytes)} of expanded JSON per schema`
    case 'refDepth': return `${limits.refDepth} $refs deep`
    case 'nesting': return `${limits.nesting} levels of nesting`
    case 'catalogBytes': return `${mb(limits.catalogBytes)} of expanded JSON per catalog`
  }
}

/** Roughly what a value adds to the JSON text, not counting its children. */
export function ownSize(node: Json, key: string | null): number {
  const keyCost = key === null ? 1 : key.length + 4
  if (typeof node === 'string') return keyCost + node.length + 2
  if (node === null || typeof node !== 'object') return keyCost + String(node).length
  return keyCost + 2
}

/** Counts what inlining produced, per schema and per document, and remembers each cap that cut a schema. */
export class ExpansionBudget {
  private total = 0
  private schema = 0
  private where = ''
  private readonly reported = new Set<string>()

  constructor(
    readonly limits: ExpansionLimits = UNLIMITED,
    private readonly onTruncate: (where: string, cap: ExpansionCap) => void = () => undefined
  ) {}

  /** A new schema starts (the caller's location, used in the report). */
  startSchema(where: string): void {
    this.schema = 0
    this.where = where
  }

  /** Adds `bytes`; false when that goes over the schema's or the document's cap. */
  spend(bytes: number): boolean {
    this.schema += bytes
    this.total += bytes
    return this.exhausted() === null
  }

  /** Would `bytes` more still fit? (For reusing an already expanded schema.) */
  fits(bytes: number): boolean {
    return this.schema + bytes <= this.limits.schemaBytes && this.total + bytes <= this.limits.catalogBytes
  }

  exhausted(): ExpansionCap | null {
    if (this.total > this.limits.catalogBytes) return 'catalogBytes'
    if (this.schema > this.limits.schemaBytes) return 'schemaBytes'
    return null
  }

  /** Characters spent on the whole document so far. */
  spent(): number {
    return this.total
  }

  /** The `$comment` for what a cap cut off; reported once per schema and cap. */
  note(cap: ExpansionCap): string {
    const key = `${this.where}\n${cap}`
    if (!this.reported.has(key)) {
      this.reported.add(key)
      this.onTruncate(this.where, cap)
    }
    return `truncated: over ${describeCap(cap, this.limits)} (import limit)`
  }

  /** A schema that stands for what a cap cut off. */
  truncated(cap: ExpansionCap): Json {
    return { $comment: this.note(cap) }
  }
}
