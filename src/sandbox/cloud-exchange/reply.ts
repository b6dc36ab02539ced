import type { OutgoingHttpHeaders } from 'node:http'
import type { RequestContext } from '../http/context'
import { sendJson } from '../http/respond'

/** CE (FastAPI/uvicorn) answers JSON without compression. */
export function reply(ctx: RequestContext, status: number, value: unknown, extra: OutgoingHttpHeaders = {}): Promise<void> {
  return sendJson(ctx.req, ctx.res, status, value, { ...ctx.headers, ...extra }, false)
}

/** FastAPI's HTTPException body. */
export function detail(ctx: RequestContext, status: number, message: string, extra: OutgoingHttpHeaders = {}): Promise<void> {
  return reply(ctx, status, { detail: message }, extra)
}

export interface ValidationIssue {
  loc: (string | number)[]
  msg: string
  type: string
  input?: unknown
}

/** FastAPI's 422 RequestValidationError body. */
export function validationError(ctx: RequestContext, issues: ValidationIssue[]): Promise<void> {
  return reply(ctx, 422, { detail: issues })
}
