import { AppError } from '../model/errors'
import { ExpansionBudget, ownSize } from './expansion-budget'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonObject = { [key: string]: Json }

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Human-readable location such as paths["/api/v2/x"].get.parameters[0]. */
export function at(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`
}

export function malformed(where: string, what: string): AppError {
  return new AppError('INVALID_INPUT', `Catalog document is malformed at ${where}: ${what}`)
}

/** Schema keywords whose values are data, not schemas: a "$ref" inside them is a literal, never resolved. */
export const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const'])
/** Schema keywords whose values map names to schemas: there a key such as "default" is a name, not a keyword. */
export const NAME_MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

/** A walk's result: `cut` when a cycle or a cap cut it (then it is not cached); levels and $refs inside it. */
interface Walked {
  value: Json
  cut: boolean
  height: number
  refs: number
}
type Expanded = Omit<Walked, 'cut'> & { bytes: number }

/**
 * Resolves local `$ref`s ("#/components/..."), deeply and with a cycle guard. A cycle is cut with
 * `{ "$comment": "circular reference to <ref>" }` so the result is finite and JSON-serialisable; results
 * that did not cut a cycle are cached per pointer. With `strict: false` a dangling or external ref becomes
 * a placeholder with the same kind of `$comment` (for imported real-world documents) instead of an error.
 * The budget (expansion-budget.ts) caps what inlining may produce; unlimited unless given (built-in catalogs).
 */
export class RefResolver {
  private readonly cache = new Map<string, Expanded>()

  constructor(
    private readonly root: JsonObject,
    private readonly strict = true,
    private readonly budget = new ExpansionBudget()
  ) {}

  /** Follows `$ref` chains at the top of `node` only (parameters, responses, path items). */
  shallow(node: Json, where: string): Json {
    let current = node
    const seen = new Set<string>()
    while (isObject(current) && typeof current.$ref === 'string') {
      const ref = current.$ref
      if (seen.has(ref)) throw malformed(where, `$ref loop through ${ref}`)
      seen.add(ref)
      const target = this.lookup(ref, where)
      if (target === undefined) return this.placeholder(ref)
      // OpenAPI 3.1 lets summary/description sit beside a $ref and override the target's.
      const { $ref: _ref, ...siblings } = current
      current = isObject(target) ? { ...target, ...siblings } : target
    }
    return current
  }

  /** Inlines every $ref in a schema tree, within the budget's caps. */
  deep(node: Json, where: string): Json {
    this.budget.startSchema(where)
    return this.walk(node, where, [], false, 0, null).value
  }

  private walk(node: Json, where: string, stack: string[], nameMap: boolean, depth: number, key: string | null): Walked {
    if (!nameMap && isObject(node) && typeof node.$ref === 'string') return this.follow(node, node.$ref, where, stack, depth, key)
    const over = depth > this.budget.limits.nesting ? 'nesting' : this.budget.spend(ownSize(node, key)) ? null : this.budget.exhausted()
    if (over !== null) return { value: this.budget.truncated(over), cut: true, height: 0, refs: 0 }
    if (!isObject(node) && !Array.isArray(node)) return { value: node, cut: false, height: 0, refs: 0 }
    const result: Walked = { value: null, cut: false, height: 0, refs: 0 }
    const add = (r: Walked): Json => {
      result.cut ||= r.cut
      result.height = Math.max(result.height, r.height + 1)
      result.refs = Math.max(result.refs, r.refs)
      return r.value
    }
    if (Array.isArray(node)) {
      const items: Json[] = []
      for (const [i, item] of node.entries()) {
        if (this.budget.exhausted() !== null) {
          result.cut = true
          break
        }
        items.push(add(this.walk(item, at(where, i), stack, false, depth + 1, null)))
      }
      result.value = items
      return result
    }
    const out: JsonObject = {}
    for (const [name, child] of Object.entries(node)) {
      if (name === '__proto__') continue // would replace the prototype instead of adding a key
      const cap = this.budget.exhausted()
      if (cap !== null) {
        out.$comment = this.budget.note(cap)
        result.cut = true
        break
      }
      out[name] = !nameMap && DATA_KEYS.has(name) ? child : add(this.walk(child, at(where, name), stack, !nameMap && NAME_MAP_KEYS.has(name), depth + 1, name))
    }
    result.value = out
    return result
  }

  private follow(node: JsonObject, ref: string, where: string, stack: string[], depth: number, key: string | null): Walked {
    const { $ref: _ref, ...siblings } = node
    const withSiblings = (v: Json): Json => (isObject(v) && Object.keys(siblings).length > 0 ? { ...v, ...siblings } : v)
    const done = (value: Json, cut: boolean, height = 0, refs = 0): Walked => ({ value, cut, height, refs })
    if (stack.includes(ref)) return this.stub(withSiblings({ $comment: `circular reference to ${ref}` }), key, true)
    if (stack.length >= this.budget.limits.refDepth) return done(this.budget.truncated('refDepth'), true)
    const cached = this.cache.get(ref)
    // A schema expanded before is reused as is when it still fits here (shared, so it costs no memory twice).
    if (cached !== undefined && depth + cached.height <= this.budget.limits.nesting && stack.length + cached.refs <= this.budget.limits.refDepth && this.budget.fits(cached.bytes)) {
      this.budget.spend(cached.bytes)
      const merged = this.walkSiblings(withSiblings(cached.value), siblings, where, stack, depth)
      return done(merged.value, merged.cut, cached.height, cached.refs)
    }
    const target = this.lookup(ref, where)
    if (target === undefined) return this.stub(withSiblings(this.placeholder(ref)), key, false)
    const before = this.budget.spent()
    const resolved = this.walk(target, ref, [...stack, ref], false, depth, key)
    const refs = resolved.refs + 1
    if (!resolved.cut) this.cache.set(ref, { value: resolved.value, bytes: this.budget.spent() - before, height: resolved.height, refs })
    const merged = this.walkSiblings(withSiblings(resolved.value), siblings, where, stack, depth)
    return done(merged.value, resolved.cut || merged.cut, resolved.height, refs)
  }

  /** A stand-in schema (cycle, dangling ref) counts against the budget too: in a mesh of refs most leaves are these. */
  private stub(value: Json, key: string | null, cut: boolean): Walked {
    if (this.budget.spend(JSON.stringify(value).length + ownSize(null, key))) return { value, cut, height: 0, refs: 0 }
    return { value: this.budget.truncated(this.budget.exhausted() ?? 'schemaBytes'), cut: true, height: 0, refs: 0 }
  }

  /** Sibling keywords beside a $ref may themselves hold refs (e.g. `properties`). */
  private walkSiblings(value: Json, siblings: JsonObject, where: string, stack: string[], depth: number): { value: Json; cut: boolean } {
    if (!isObject(value) || Object.keys(siblings).length === 0) return { value, cut: false }
    const r = this.walk(siblings, where, stack, false, depth, null)
    return { value: isObject(r.value) ? { ...value, ...r.value } : value, cut: r.cut }
  }

  /** Returns undefined only in non-strict mode for a ref that cannot be followed. */
  private lookup(ref: string, where: string): Json | undefined {
    if (!ref.startsWith('#')) {
      if (this.strict) throw malformed(where, `external $ref "${ref}" is not supported (only "#/..." refs)`)
      return undefined
    }
    const parts = ref === '#' ? [] : ref.slice(1).split('/').slice(1)
    let node: Json = this.root
    for (const raw of parts) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
      const next: Json | undefined = Array.isArray(node)
        ? /^\d+$/.test(key)
          ? node[Number(key)]
          : undefined
        : isObject(node) && Object.hasOwn(node, key)
          ? node[key]
          : undefined
      if (next === undefined) {
        if (this.strict) throw malformed(where, `$ref "${ref}" points to nothing`)
        return undefined
      }
      node = next
    }
    return node
  }

  private placeholder(ref: string): Json {
    return { $comment: `unresolved reference ${ref}` }
  }
}
