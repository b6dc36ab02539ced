import { AppError } from '../model/errors'

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
const DATA_KEYS = new Set(['example', 'examples', 'default', 'enum', 'const'])
/** Schema keywords whose values map names to schemas: there a key such as "default" is a name, not a keyword. */
const NAME_MAP_KEYS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'])

/**
 * Resolves local `$ref`s ("#/components/..."), deeply and with a cycle guard. A cycle is cut with
 * `{ "$comment": "circular reference to <ref>" }` so the result is finite and JSON-serialisable; results
 * that did not cut a cycle are cached per pointer. With `strict: false` a dangling or external ref becomes
 * a placeholder with the same kind of `$comment` (for imported real-world documents) instead of an error.
 */
export class RefResolver {
  private readonly cache = new Map<string, Json>()

  constructor(
    private readonly root: JsonObject,
    private readonly strict = true
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

  /** Inlines every $ref in a schema tree. */
  deep(node: Json, where: string): Json {
    return this.walk(node, where, []).value
  }

  private walk(node: Json, where: string, stack: string[], nameMap = false): { value: Json; cut: boolean } {
    if (Array.isArray(node)) {
      let cut = false
      const value = node.map((item, i) => {
        const r = this.walk(item, at(where, i), stack)
        cut ||= r.cut
        return r.value
      })
      return { value, cut }
    }
    if (!isObject(node)) return { value: node, cut: false }
    if (!nameMap && typeof node.$ref === 'string') return this.follow(node, node.$ref, where, stack)
    let cut = false
    const out: JsonObject = {}
    for (const [key, child] of Object.entries(node)) {
      if (key === '__proto__') continue // would replace the prototype instead of adding a key
      if (!nameMap && DATA_KEYS.has(key)) {
        out[key] = child
        continue
      }
      const r = this.walk(child, at(where, key), stack, !nameMap && NAME_MAP_KEYS.has(key))
      cut ||= r.cut
      out[key] = r.value
    }
    return { value: out, cut }
  }

  private follow(node: JsonObject, ref: string, where: string, stack: string[]): { value: Json; cut: boolean } {
    const { $ref: _ref, ...siblings } = node
    const withSiblings = (v: Json): Json => (isObject(v) && Object.keys(siblings).length > 0 ? { ...v, ...siblings } : v)
    if (stack.includes(ref)) return { value: withSiblings({ $comment: `circular reference to ${ref}` }), cut: true }
    const cached = this.cache.get(ref)
    if (cached !== undefined) return this.walkSiblings(withSiblings(cached), siblings, where, stack)
    const target = this.lookup(ref, where)
    if (target === undefined) return { value: withSiblings(this.placeholder(ref)), cut: false }
    const resolved = this.walk(target, ref, [...stack, ref])
    if (!resolved.cut) this.cache.set(ref, resolved.value)
    const merged = this.walkSiblings(withSiblings(resolved.value), siblings, where, stack)
    return { value: merged.value, cut: resolved.cut || merged.cut }
  }

  /** Sibling keywords beside a $ref may themselves hold refs (e.g. `properties`). */
  private walkSiblings(value: Json, siblings: JsonObject, where: string, stack: string[]): { value: Json; cut: boolean } {
    if (!isObject(value) || Object.keys(siblings).length === 0) return { value, cut: false }
    const r = this.walk(siblings, where, stack)
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
