import { at, isObject, type Json, type JsonObject } from '@shared/catalog/refs'
import type { ImportSkip } from '@shared/catalog/imported'

/*
 * Repairs for the messy parts of real OpenAPI files, done before the catalog loader sees the document so one bad
 * corner costs a line in the report instead of the whole operation (or the whole file).
 */

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const STATUS = /^([1-5](\d\d|XX)|default)$/

/** Follows a local JSON pointer; undefined when it leads nowhere (or is not local). */
export function pointer(root: JsonObject, ref: string): Json | undefined {
  if (!ref.startsWith('#')) return undefined
  let node: Json | undefined = root
  for (const raw of ref === '#' ? [] : ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node)) node = /^\d+$/.test(key) ? node[Number(key)] : undefined
    else node = isObject(node) && Object.hasOwn(node, key) ? node[key] : undefined
    if (node === undefined) return undefined
  }
  return node
}

/** The first server's path (variables at their defaults), e.g. "/api/v3" for https://{host}/api/v3; '' for none. */
export function serverBasePath(server: Json | undefined): string {
  if (!isObject(server) || typeof server.url !== 'string') return ''
  const variables = isObject(server.variables) ? server.variables : {}
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const v = variables[name]
    return isObject(v) && typeof v.default === 'string' ? v.default : whole
  })
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '')
  if (!path.startsWith('/') || path.includes('{')) return ''
  return path.replace(/\/+$/, '')
}

/**
 * Path keys as the catalog needs them: a leading `{{baseUrl}}` or scheme://host is dropped (the environment's base
 * URL takes its place), the server's base path is put in front, and a missing leading slash is added.
 * `{{name}}` inside a path stays: requests resolve it from the environment's variables at send time.
 */
export function tidyPaths(doc: JsonObject, basePath: string, skipped: ImportSkip[], notes: string[]): void {
  if (!isObject(doc.paths)) return
  const out: JsonObject = {}
  const stripped: string[] = []
  const variables = new Set<string>()
  for (const [key, item] of Object.entries(doc.paths)) {
    let path = key.trim().replace(/^(\{\{[^}]*\}\}|[a-z][a-z0-9+.-]*:\/\/[^/]*)+/i, '')
    if (path !== key.trim()) stripped.push(key)
    if (!path.startsWith('/')) path = `/${path}`
    path = `${basePath}${path}`
    for (const m of path.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)) variables.add(m[1] ?? '')
    if (Object.hasOwn(out, path)) {
      skipped.push({ where: at('paths', key), reason: `same path as another entry once tidied (${path}); left out.` })
      continue
    }
    out[path] = item
  }
  doc.paths = out
  if (stripped.length > 0) {
    notes.push(`${stripped.length} path(s) began with a host or a {{variable}} such as ${JSON.stringify(stripped[0])}: removed, the environment's base URL is used instead.`)
  }
  if (variables.size > 0) {
    notes.push(`Paths use variables ${[...variables].map((v) => `{{${v}}}`).join(', ')}: define them in the environment.`)
  }
  if (basePath !== '') notes.push(`Paths were prefixed with the server's base path ${basePath}.`)
}

/** Per operation: response keys that are not status codes, and parameter $refs that point nowhere, are dropped. */
export function tidyOperations(doc: JsonObject, skipped: ImportSkip[]): void {
  if (!isObject(doc.paths)) return
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!isObject(item)) continue
    const itemWhere = at('paths', path)
    if (Array.isArray(item.parameters)) item.parameters = liveParameters(doc, item.parameters, at(itemWhere, 'parameters'), skipped)
    for (const method of METHODS) {
      const op = item[method]
      if (!isObject(op)) continue
      const where = at(itemWhere, method)
      if (Array.isArray(op.parameters)) op.parameters = liveParameters(doc, op.parameters, at(where, 'parameters'), skipped)
      if (isObject(op.responses)) {
        const kept: JsonObject = {}
        for (const [status, response] of Object.entries(op.responses)) {
          const upper = status.trim().toUpperCase()
          const code = upper === 'DEFAULT' ? 'default' : upper
          if (STATUS.test(code)) kept[code] = response
          else skipped.push({ where: at(at(where, 'responses'), status), reason: 'not a status code (like 200, 4XX or default); response left out.' })
        }
        op.responses = kept
      }
    }
  }
}

function liveParameters(doc: JsonObject, list: Json[], where: string, skipped: ImportSkip[]): Json[] {
  return list.filter((p, i) => {
    if (!isObject(p) || typeof p.$ref !== 'string' || pointer(doc, p.$ref) !== undefined) return true
    skipped.push({ where: at(where, i), reason: `parameter $ref "${p.$ref}" points to nothing; parameter left out.` })
    return false
  })
}

/** Every $ref that cannot be followed, once per target, with where it is first used and how often. */
export function danglingRefs(doc: JsonObject): ImportSkip[] {
  const uses = new Map<string, { first: string; count: number }>()
  const visit = (node: Json, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, at(where, i)))
      return
    }
    if (!isObject(node)) return
    for (const [key, value] of Object.entries(node)) {
      // Values of example/default/enum are data: a "$ref" key there is not a reference.
      if (key === 'example' || key === 'examples' || key === 'default' || key === 'enum') continue
      if (key === '$ref' && typeof value === 'string') {
        if (pointer(doc, value) !== undefined) continue
        const seen = uses.get(value)
        if (seen) seen.count++
        else uses.set(value, { first: where, count: 1 })
      } else visit(value, at(where, key))
    }
  }
  for (const [key, value] of Object.entries(doc)) visit(value, key)
  return [...uses].map(([ref, { first, count }]) => ({
    where: ref,
    reason: `${ref.startsWith('#') ? 'points to nothing' : 'external reference, not followed'}; replaced by an open schema (used ${count} time(s), first at ${first}).`
  }))
}

/** Notes on servers and security: both are optional in practice, and the user should know what that means here. */
export function documentNotes(doc: JsonObject, notes: string[]): string[] {
  const servers = Array.isArray(doc.servers) ? doc.servers.flatMap((s) => (isObject(s) && typeof s.url === 'string' ? [s.url] : [])) : []
  notes.push(
    servers.length === 0
      ? "No servers listed: requests go to the selected environment's base URL."
      : `Servers listed: ${servers.join(', ')}. Requests go to the selected environment's base URL; set it to one of these.`
  )
  const components = isObject(doc.components) ? doc.components : {}
  const schemes = isObject(components.securitySchemes) ? Object.keys(components.securitySchemes) : []
  if (schemes.length === 0) notes.push("No security schemes declared: operations import without an auth requirement; the environment's auth profile still applies.")
  return servers
}
