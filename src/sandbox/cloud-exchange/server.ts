/** The Cloud Exchange listener: FastAPI-style routing, `{"detail": ...}` errors, trailing-slash redirects. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxRuntime } from '../types'
import { BodyError } from '../http/body'
import { createContext, parseTarget, type RequestContext } from '../http/context'
import type { RequestHandler } from '../http/listen'
import { sendJson } from '../http/respond'
import { Router } from '../http/router'
import { CeAuth, type CeUser } from './auth'
import { createIndicators, IndicatorStore, listIndicators } from './indicators'
import { detail, reply } from './reply'
import { PLUGINS, TenantStore } from './settings'

interface CeRoute {
  /** null: no token needed; otherwise the scopes the Bearer JWT must carry. */
  scopes: string[] | null
  handle: (ctx: RequestContext, user: CeUser | null) => Promise<void>
}

export function createCloudExchangeHandler(runtime: SandboxRuntime): RequestHandler {
  const auth = new CeAuth(runtime)
  const indicators = new IndicatorStore(runtime.seed, runtime.now)
  const tenants = new TenantStore(runtime)
  const router = new Router<CeRoute>()
    .add('POST', '/api/auth', { scopes: null, handle: (ctx) => auth.token(ctx) })
    .add('GET', '/api/healthcheck', { scopes: null, handle: (ctx) => reply(ctx, 200, { sucess: true }) })
    .add('GET', '/api/cte/indicators/', { scopes: ['cte_read'], handle: (ctx) => listIndicators(ctx, indicators) })
    .add('POST', '/api/cte/indicators/', { scopes: ['cte_write'], handle: (ctx) => createIndicators(ctx, indicators) })
    .add('GET', '/api/tenants', { scopes: [], handle: (ctx, user) => tenants.list(ctx, user ?? { username: '', scopes: [] }) })
    .add('POST', '/api/tenants', { scopes: ['settings_write'], handle: (ctx) => tenants.create(ctx) })
    .add('DELETE', '/api/tenants/:name', { scopes: ['settings_write'], handle: (ctx) => tenants.remove(ctx) })
    .add('GET', '/api/plugins', { scopes: [], handle: (ctx) => reply(ctx, 200, PLUGINS) })

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = parseTarget(req)
    const method = req.method ?? 'GET'
    const match = router.match(method, path)
    if (match.kind === 'not-found') {
      // Starlette's redirect_slashes: /api/cte/indicators -> /api/cte/indicators/ (and back).
      const other = path.endsWith('/') ? path.slice(0, -1) : `${path}/`
      if (router.match(method, other).kind === 'found') {
        const search = query.toString()
        res.writeHead(307, { Location: other + (search === '' ? '' : `?${search}`), 'Content-Length': 0 })
        res.end()
        return
      }
    }
    if (match.kind !== 'found') {
      const notFound = match.kind === 'not-found'
      const headers = notFound ? {} : { Allow: [...new Set(match.allowed)].join(', ') }
      return sendJson(req, res, notFound ? 404 : 405, { detail: notFound ? 'Not Found' : 'Method Not Allowed' }, headers, false)
    }
    const ctx = createContext(req, res, path, query, match.params)
    try {
      const user = match.meta.scopes === null ? null : await auth.require(ctx, match.meta.scopes)
      if (match.meta.scopes !== null && user === null) return
      await match.meta.handle(ctx, user)
    } catch (error) {
      if (!(error instanceof BodyError) || res.headersSent) throw error
      if (error.status === 400) {
        await reply(ctx, 422, { detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', ctx: { error: error.message } }] })
      } else {
        await detail(ctx, error.status, error.message)
      }
    }
  }
}
