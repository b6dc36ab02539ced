/**
 * Falcon's response envelope: every JSON answer is `{meta, resources, errors}`, with `meta.powered_by` naming
 * the service that answered and `meta.trace_id` repeated in the `X-Cs-Traceid` header.
 */
import { randomUUID } from 'node:crypto'
import type { RequestContext } from '../http/context'
import { sendJson } from '../http/respond'

/** The region the sandbox pretends to be (what `X-Cs-Region` says on api.crowdstrike.com). */
export const FALCON_SANDBOX_REGION = 'us-1'
/** The gateway answers auth and rate-limit failures itself. */
export const GATEWAY = 'crowdstrike-api-gateway'

export interface FalconError {
  code: number
  message: string
  id?: string
}

export interface Pagination {
  offset?: number | string
  limit?: number
  total?: number
  after?: string
  expires_at?: number
}

interface Envelope {
  meta: Record<string, unknown>
  resources?: unknown[]
  errors: FalconError[]
}

function traceOf(ctx: RequestContext): string {
  const existing = ctx.headers['X-Cs-Traceid']
  if (typeof existing === 'string') return existing
  const trace = randomUUID()
  ctx.headers['X-Cs-Traceid'] = trace
  ctx.headers['X-Cs-Region'] = FALCON_SANDBOX_REGION
  return trace
}

/** Sets X-Cs-Traceid/X-Cs-Region for this request (idempotent); the rate-limit headers are set elsewhere. */
export function stampRequest(ctx: RequestContext): void {
  traceOf(ctx)
}

function meta(ctx: RequestContext, poweredBy: string, pagination?: Pagination): Record<string, unknown> {
  const out: Record<string, unknown> = { query_time: 0.004, powered_by: poweredBy, trace_id: traceOf(ctx) }
  if (pagination !== undefined) out['pagination'] = pagination
  return out
}

export function send(ctx: RequestContext, status: number, value: unknown): Promise<void> {
  traceOf(ctx)
  return sendJson(ctx.req, ctx.res, status, value, ctx.headers, false)
}

/** A successful envelope; `errors` lists per-id misses of entity lookups. */
export function resources(
  ctx: RequestContext,
  poweredBy: string,
  items: unknown[],
  pagination?: Pagination,
  errors: FalconError[] = [],
  status = 200
): Promise<void> {
  const body: Envelope = { meta: meta(ctx, poweredBy, pagination), resources: items, errors }
  return send(ctx, status, body)
}

/** An error envelope: no resources, one error whose code repeats the HTTP status. */
export function failure(ctx: RequestContext, status: number, message: string, poweredBy = GATEWAY): Promise<void> {
  const body: Envelope = { meta: meta(ctx, poweredBy), errors: [{ code: status, message }] }
  if (poweredBy !== GATEWAY) body.resources = []
  return send(ctx, status, body)
}
