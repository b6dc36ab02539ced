import fc from 'fast-check'
import type { z } from 'zod'

/**
 * Builds a fast-check arbitrary of values a zod 4 schema should accept, by walking the schema's definition
 * (`_zod.def`). Covers the constructs the IPC contract uses; anything else throws, so a new construct in the
 * contract is noticed here instead of silently generating nothing. Refinements (`.refine`) cannot be inverted:
 * pass an override for such schemas.
 */
type Def = {
  type: string
  checks?: Array<{ _zod: { def: CheckDef } }>
  shape?: Record<string, z.ZodType>
  element?: z.ZodType
  innerType?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string | number>
  values?: unknown[]
  getter?: () => z.ZodType
  in?: z.ZodType
  keyType?: z.ZodType
  valueType?: z.ZodType
  items?: z.ZodType[]
}
type CheckDef = {
  check: string
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
  format?: string
  pattern?: RegExp
}
export type Overrides = ReadonlyMap<z.ZodType, fc.Arbitrary<unknown>>

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((check) => check._zod.def)

function stringArb(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def)
  const min = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0))
  const max = Math.min(Infinity, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? Infinity))
  const regex = checks.find((c) => c.format === 'regex')?.pattern
  const trims = checks.some((c) => c.check === 'overwrite')
  const custom = checks.find((c) => c.check === 'custom' || (c.format !== undefined && c.format !== 'regex'))
  if (custom) throw new Error(`zod-arbitrary: string check "${custom.format ?? custom.check}" needs an override`)
  const base = regex
    ? fc.stringMatching(regex)
    : fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 40)), unit: 'binary' })
  const shaped = trims ? base.map((text) => text.trim()) : base
  return shaped.filter((text) => text.length >= min && text.length <= max)
}

function numberArb(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def)
  const integer = checks.some((c) => c.format === 'safeint' || c.format === 'int32')
  const low = checks.find((c) => c.check === 'greater_than')
  const high = checks.find((c) => c.check === 'less_than')
  const min = low ? (low.value ?? 0) + (low.inclusive ? 0 : 1) : -1e9
  const max = high ? (high.value ?? 0) - (high.inclusive ? 0 : 1) : 1e9
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

export function arbitraryFor(schema: z.ZodType, overrides: Overrides = new Map(), depth = 0): fc.Arbitrary<unknown> {
  const override = overrides.get(schema)
  if (override) return override
  const def = defOf(schema)
  const next = (inner: z.ZodType | undefined): fc.Arbitrary<unknown> => {
    if (!inner) throw new Error(`zod-arbitrary: ${def.type} without an inner schema`)
    return arbitraryFor(inner, overrides, depth + 1)
  }
  switch (def.type) {
    case 'string': return stringArb(def)
    case 'number': return numberArb(def)
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'undefined': return fc.constant(undefined)
    case 'unknown':
    case 'any':
    case 'custom': return fc.jsonValue({ maxDepth: 2 })
    case 'enum': return fc.constantFrom(...Object.values(def.entries ?? {}))
    case 'literal': return fc.constantFrom(...(def.values ?? []))
    case 'nullable': return fc.option(next(def.innerType), { nil: null })
    case 'optional':
    case 'default':
    case 'prefault': return fc.option(next(def.innerType), { nil: undefined })
    case 'readonly':
    case 'catch':
    case 'nonoptional': return next(def.innerType)
    case 'pipe': return next(def.in)
    case 'lazy': return depth > 6 ? fc.constant(undefined) : next(def.getter?.())
    case 'union': return fc.oneof(...(def.options ?? []).map((option) => next(option)))
    case 'array': {
      const checks = checksOf(def)
      const minLength = Math.max(0, ...checks.filter((c) => c.check === 'min_length').map((c) => c.minimum ?? 0))
      const maxLength = Math.min(depth > 3 ? minLength : 4, ...checks.filter((c) => c.check === 'max_length').map((c) => c.maximum ?? 4))
      return fc.array(next(def.element), { minLength, maxLength: Math.max(minLength, maxLength) })
    }
    case 'tuple': return fc.tuple(...(def.items ?? []).map((item) => next(item)))
    case 'record': return fc.dictionary(next(def.keyType) as fc.Arbitrary<string>, next(def.valueType), { maxKeys: 3 })
    case 'object': {
      const shape = def.shape ?? {}
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of Object.entries(shape)) record[key] = next(value)
      const optional = Object.entries(shape)
        .filter(([, value]) => ['optional', 'default', 'prefault'].includes(defOf(value).type))
        .map(([key]) => key)
      const required = Object.keys(shape).filter((key) => !optional.includes(key))
      return fc.record(record, { requiredKeys: required })
    }
    default:
      throw new Error(`zod-arbitrary: schema type "${def.type}" is not supported`)
  }
}
