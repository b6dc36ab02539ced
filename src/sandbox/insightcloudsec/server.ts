/** The InsightCloudSec listener: session or API-key auth, v2 public/prototype routes, gzip on request. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxRuntime } from '../types'
import { BodyError } from '../http/body'
import { createContext, parseTarget, type RequestContext } from '../http/context'
import type { RequestHandler } from '../http/listen'
import { Router } from '../http/router'
import { IcsAuth, type AuthResult } from './auth'
import { buildBots, buildClouds, buildInsights } from './data'
import { listBots, listClouds, organizationDetails } from './lists'
import { reply, replyError } from './reply'
import { queryResources, ResourceCatalog } from './resources'
import { createApiKey, listUsers, login, logout, userInfo } from './users'

interface IcsRoute {
  /** false only for login. */
  authenticated: boolean
  handle: (ctx: RequestContext, who: AuthResult | null) => Promise<void>
}

const BOTH = ['GET', 'POST']

export function createInsightCloudSecHandler(runtime: SandboxRuntime): RequestHandler {
  const startedMs = runtime.startedAtSec * 1000
  const auth = new IcsAuth(runtime)
  const clouds = buildClouds(runtime.seed, startedMs)
  const insights = buildInsights()
  const bots = buildBots(startedMs)
  const catalog = new ResourceCatalog(runtime.seed, clouds, startedMs)
  const authed = (handle: (ctx: RequestContext, who: AuthResult) => Promise<void>): IcsRoute => ({
    authenticated: true,
    handle: (ctx, who) => (who === null ? Promise.resolve() : handle(ctx, who))
  })
  const router = new Router<IcsRoute>()
    .add('POST', '/v2/public/user/login', { authenticated: false, handle: (ctx) => login(ctx, auth) })
    .add('POST', '/v2/public/user/logout', authed((ctx, who) => logout(ctx, auth, who)))
    .add(BOTH, '/v2/public/user/info', authed((ctx, who) => userInfo(ctx, auth, who, startedMs)))
    .add('POST', '/v2/public/apikey/create', authed((ctx, who) => createApiKey(ctx, auth, who)))
    .add(BOTH, '/v2/public/users/list', authed((ctx, who) => listUsers(ctx, auth, who, startedMs)))
    .add(BOTH, '/v2/public/clouds/list', authed((ctx) => listClouds(ctx, clouds)))
    .add(BOTH, '/v2/prototype/domain/organizations/detail/get',
      authed((ctx) => organizationDetails(ctx, clouds, bots.length, auth.users.length)))
    .add(BOTH, '/v2/public/resource/query', authed((ctx) => queryResources(ctx, catalog)))
    .add('GET', '/v2/public/insights/list', authed((ctx) => reply(ctx, 200, insights)))
    .add(BOTH, '/v2/public/botfactory/list', authed((ctx) => listBots(ctx, bots)))

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = parseTarget(req)
    const match = router.match(req.method ?? 'GET', path)
    const ctx = createContext(req, res, path, query, match.kind === 'found' ? match.params : {})
    if (match.kind === 'not-found') {
      return replyError(ctx, 404, 'NotFound', `The requested URL ${path} was not found on the server.`)
    }
    if (match.kind === 'method-not-allowed') {
      ctx.headers['Allow'] = [...new Set(match.allowed)].join(', ')
      return replyError(ctx, 405, 'MethodNotAllowed', `The method ${req.method ?? ''} is not allowed for ${path}.`)
    }
    try {
      const who = match.meta.authenticated ? await auth.require(ctx) : null
      if (match.meta.authenticated && who === null) return
      await match.meta.handle(ctx, who)
    } catch (error) {
      if (!(error instanceof BodyError) || res.headersSent) throw error
      await replyError(ctx, error.status, error.status === 413 ? 'PayloadTooLarge' : 'BadRequest', error.message)
    }
  }
}
