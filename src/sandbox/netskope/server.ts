/**
 * The Netskope tenant listener: v2 token auth with per-endpoint scopes (Kong-style errors), 4 requests/s
 * per (token, endpoint) with RateLimit-* headers, the v1 token check, and the routes CE and integrators use.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxRuntime } from '../types'
import { BodyError } from '../http/body'
import { createContext, parseTarget, type RequestContext } from '../http/context'
import type { RequestHandler } from '../http/listen'
import { sendJson } from '../http/respond'
import { RateLimiter, type RateDecision } from '../rate-limiter'
import { Router } from '../http/router'
import { extractV2Token, findV2Token, scopeAllows } from './auth'
import { CciService } from './cci'
import { handleEventsData } from './events-data'
import { IteratorService } from './iterator'
import { reply, replyMessage } from './reply'
import { isAlertType, isEventType, StreamSet } from './streams'
import { handleGetUci, handleUserUci } from './uci'
import { createUrlListHandlers } from './urllist'
import { UrlListStore } from './urllist-store'
import { handleAppInstances, v1Error, v1Token } from './v1'

type Handle = (ctx: RequestContext) => Promise<void>

interface NetskopeRoute {
  /** v2: token header + scope; v1: `token` parameter. */
  auth: 'v2' | 'v1'
  /** The scope endpoint path (also the rate-limit bucket). */
  scope: (params: Record<string, string>) => string
  handle: Handle
}

const RATE_LIMIT = 4

function rateHeaders(decision: RateDecision): Record<string, string> {
  return {
    'RateLimit-Limit': String(decision.limit),
    'RateLimit-Remaining': String(decision.remaining),
    'RateLimit-Reset': String(decision.resetSeconds)
  }
}

export function createNetskopeHandler(runtime: SandboxRuntime): RequestHandler {
  const streams = new StreamSet(runtime.seed)
  const iterator = new IteratorService(runtime, streams)
  const cci = new CciService()
  const limiter = new RateLimiter(RATE_LIMIT, 1000, runtime.now, runtime.rateLimit)
  const tokenNames = new Map(runtime.credentials.netskope.v2Tokens.map((t) => [t.token, t.name]))
  const urlLists = createUrlListHandlers(new UrlListStore(runtime.now), (ctx) => {
    const token = extractV2Token(ctx.req)
    return `REST API v2 token "${(token === null ? undefined : tokenNames.get(token)) ?? 'unknown'}"`
  })
  const router = new Router<NetskopeRoute>()
  const v2 = (methods: string | string[], pattern: string, scope: NetskopeRoute['scope'], handle: Handle): void => {
    router.add(methods, pattern, { auth: 'v2', scope, handle })
  }
  const fixed = (path: string) => () => path

  const dataexport = (kind: 'events' | 'alerts'): void => {
    v2('GET', `/api/v2/events/dataexport/${kind}/:type`, (p) => `/api/v2/events/dataexport/${kind}/${p['type'] ?? ''}`,
      (ctx) => {
        const type = ctx.params['type'] ?? ''
        const valid = kind === 'events' ? isEventType(type) : isAlertType(type)
        const stream = valid ? streams.get(kind, type) : undefined
        if (stream === undefined) return replyMessage(ctx, 400, `Invalid ${kind === 'events' ? 'event' : 'alert'} type '${type}'.`)
        return iterator.handle(ctx, stream, `/api/v2/events/dataexport/${kind}/${type}`)
      })
  }
  dataexport('events')
  dataexport('alerts')
  v2('GET', '/api/v2/events/data/:type', (p) => `/api/v2/events/data/${p['type'] ?? ''}`,
    (ctx) => handleEventsData(ctx, runtime, streams))
  v2('GET', '/api/v2/policy/urllist', fixed('/api/v2/policy/urllist'), urlLists.list)
  v2('POST', '/api/v2/policy/urllist', fixed('/api/v2/policy/urllist'), urlLists.create)
  v2('POST', '/api/v2/policy/urllist/deploy', fixed('/api/v2/policy/urllist/deploy'), urlLists.deploy)
  v2('POST', '/api/v2/policy/urllist/file', fixed('/api/v2/policy/urllist/file'), urlLists.upload)
  v2('GET', '/api/v2/policy/urllist/:id', fixed('/api/v2/policy/urllist'), urlLists.get)
  v2('PUT', '/api/v2/policy/urllist/:id', fixed('/api/v2/policy/urllist'), urlLists.replace)
  v2('DELETE', '/api/v2/policy/urllist/:id', fixed('/api/v2/policy/urllist'), urlLists.remove)
  v2('PATCH', '/api/v2/policy/urllist/:id/:action', fixed('/api/v2/policy/urllist'), urlLists.patch)
  v2('POST', '/api/v2/incidents/uba/getuci', fixed('/api/v2/incidents/uba/getuci'), (ctx) => handleGetUci(ctx, runtime))
  v2('POST', '/api/v2/ubadatasvc/user/uci', fixed('/api/v2/ubadatasvc/user/uci'), (ctx) => handleUserUci(ctx, runtime))
  v2('GET', '/api/v2/services/cci/app', fixed('/api/v2/services/cci/app'), (ctx) => cci.app(ctx))
  v2('GET', '/api/v2/services/cci/domain', fixed('/api/v2/services/cci/domain'), (ctx) => cci.domain(ctx))
  v2('GET', '/api/v2/services/cci/tags', fixed('/api/v2/services/cci/tags'), (ctx) => cci.getTags(ctx))
  v2('POST', '/api/v2/services/cci/tags', fixed('/api/v2/services/cci/tags'), (ctx) => cci.createTag(ctx))
  v2('DELETE', '/api/v2/services/cci/tags', fixed('/api/v2/services/cci/tags'), (ctx) => cci.deleteTags(ctx))
  v2('PATCH', '/api/v2/services/cci/tags/:tag', fixed('/api/v2/services/cci/tags'), (ctx) => cci.updateTag(ctx))
  router.add(['GET', 'POST'], '/api/v1/app_instances', { auth: 'v1', scope: fixed('/api/v1/app_instances'), handle: handleAppInstances })

  async function authorise(ctx: RequestContext, route: NetskopeRoute): Promise<boolean> {
    const endpoint = route.scope(ctx.params)
    if (route.auth === 'v1') {
      const token = await v1Token(ctx)
      const decision = limiter.take(`v1|${token ?? ctx.req.socket.remoteAddress ?? ''}|${endpoint}`)
      Object.assign(ctx.headers, rateHeaders(decision))
      if (token !== runtime.credentials.netskope.v1Token) {
        await v1Error(ctx, 403, 'Authorization Error', 'Invalid token')
        return false
      }
      if (!decision.allowed) {
        ctx.headers['Retry-After'] = String(decision.resetSeconds)
        await v1Error(ctx, 429, 'Rate Limit Error', 'API rate limit exceeded')
        return false
      }
      return true
    }
    const value = extractV2Token(ctx.req)
    const token = value === null ? undefined : findV2Token(runtime.credentials, value)
    if (token === undefined || token.expired) {
      Object.assign(ctx.headers, rateHeaders(limiter.peek(`anonymous|${endpoint}`)))
      await replyMessage(ctx, 401, 'Unauthorized')
      return false
    }
    const key = `${token.token}|${endpoint}`
    if (!scopeAllows(token, endpoint, ctx.method)) {
      Object.assign(ctx.headers, rateHeaders(limiter.peek(key)))
      await replyMessage(ctx, 403, 'You cannot consume this service')
      return false
    }
    const decision = limiter.take(key)
    Object.assign(ctx.headers, rateHeaders(decision))
    if (!decision.allowed) {
      ctx.headers['Retry-After'] = String(decision.resetSeconds)
      await replyMessage(ctx, 429, 'API rate limit exceeded')
      return false
    }
    return true
  }

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = parseTarget(req)
    const match = router.match(req.method ?? 'GET', path)
    if (match.kind !== 'found') {
      const status = match.kind === 'not-found' ? 404 : 405
      const headers = match.kind === 'method-not-allowed' ? { Allow: [...new Set(match.allowed)].join(', ') } : {}
      const message = match.kind === 'not-found' ? 'no Route matched with those values' : 'Method not allowed'
      return sendJson(req, res, status, { message }, headers, true)
    }
    const ctx = createContext(req, res, path, query, match.params)
    try {
      if (!(await authorise(ctx, match.meta))) return
      await match.meta.handle(ctx)
    } catch (error) {
      if (!(error instanceof BodyError) || res.headersSent) throw error
      await reply(ctx, error.status, { message: error.message })
    }
  }
}
