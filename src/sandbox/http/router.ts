/**
 * A tiny method + path router. Patterns are literal segments and `:name` parameters; a trailing slash is
 * significant (FastAPI's `/api/cte/indicators/` differs from `/api/cte/indicators`).
 */
export type RouteMatch<M> =
  | { kind: 'found'; meta: M; params: Record<string, string>; pattern: string }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' }

interface Route<M> {
  methods: readonly string[]
  pattern: string
  segments: readonly string[]
  meta: M
}

function splitPath(path: string): string[] {
  return path.split('/')
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

export class Router<M> {
  private readonly routes: Route<M>[] = []

  add(methods: string | readonly string[], pattern: string, meta: M): this {
    const list = typeof methods === 'string' ? [methods] : methods
    this.routes.push({ methods: list, pattern, segments: splitPath(pattern), meta })
    return this
  }

  match(method: string, path: string): RouteMatch<M> {
    const segments = splitPath(path)
    const allowed: string[] = []
    for (const route of this.routes) {
      const params = matchSegments(route.segments, segments)
      if (params === null) continue
      if (route.methods.includes(method)) {
        return { kind: 'found', meta: route.meta, params, pattern: route.pattern }
      }
      allowed.push(...route.methods)
    }
    return allowed.length > 0 ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' }
  }
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i] ?? ''
    const got = actual[i] ?? ''
    if (want.startsWith(':')) {
      if (got === '') return null
      params[want.slice(1)] = decodeSegment(got)
    } else if (want !== got) {
      return null
    }
  }
  return params
}
