/**
 * The CrowdStrike Falcon listener: OAuth2 client credentials, bearer-checked read endpoints for hosts,
 * alerts, legacy detections, incidents, IOCs and RTR sessions, Falcon's `{meta, resources, errors}` envelope
 * and X-RateLimit-* / X-Cs-* headers on every answer. Data is generated from runtime.seed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BodyError } from '../http/body'
import { createContext, parseTarget } from '../http/context'
import type { RequestHandler } from '../http/listen'
import { Router } from '../http/router'
import type { SandboxRuntime } from '../types'
import { FalconAuth } from './auth'
import { buildFalconData } from './collections'
import { FqlError } from './fql'
import { PagingError } from './paging'
import { FalconRateLimits } from './rate-limits'
import { failure, stampRequest } from './reply'
import { FALCON_ROUTES, type FalconRoute } from './routes'

type Entry = { kind: 'oauth'; handle: 'token' | 'revoke' } | { kind: 'api'; route: FalconRoute }

export function createFalconHandler(runtime: SandboxRuntime): RequestHandler {
  const limits = new FalconRateLimits(runtime)
  const auth = new FalconAuth(runtime, limits)
  const data = buildFalconData(runtime)
  const router = new Router<Entry>()
    .add('POST', '/oauth2/token', { kind: 'oauth', handle: 'token' })
    .add('POST', '/oauth2/revoke', { kind: 'oauth', handle: 'revoke' })
  for (const route of FALCON_ROUTES) router.add(route.method, route.path, { kind: 'api', route })
  const serviceOf = (route: FalconRoute): string =>
    Object.values(data).find((col) => col.scope === route.scope)?.poweredBy ?? 'crowdstrike-api-gateway'

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = parseTarget(req)
    const match = router.match(req.method ?? 'GET', path)
    const ctx = createContext(req, res, path, query, match.kind === 'found' ? match.params : {})
    stampRequest(ctx)
    if (match.kind !== 'found') {
      // The gateway answers unknown paths before any token check.
      if (match.kind === 'method-not-allowed') ctx.headers['Allow'] = [...new Set(match.allowed)].join(', ')
      return match.kind === 'not-found' ? failure(ctx, 404, 'Not Found') : failure(ctx, 405, 'Method Not Allowed')
    }
    const entry = match.meta
    try {
      if (entry.kind === 'oauth') return await (entry.handle === 'token' ? auth.token(ctx) : auth.revoke(ctx))
      const { route } = entry
      if (route.scope !== null && (await auth.require(ctx, route.scope)) === null) return
      await route.handle(ctx, data, runtime.now())
    } catch (error) {
      if (res.headersSent) throw error
      const service = entry.kind === 'api' ? serviceOf(entry.route) : 'csam'
      if (error instanceof FqlError) return failure(ctx, 400, `Invalid filter: ${error.message}`, service)
      if (error instanceof PagingError) return failure(ctx, 400, error.message, service)
      if (error instanceof BodyError) return failure(ctx, error.status, error.message, service)
      throw error
    }
  }
}
