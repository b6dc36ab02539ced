import type { OutgoingHttpHeaders } from 'node:http'
import type { RequestContext } from '../http/context'
import { sendBody, sendJson } from '../http/respond'

/** Headers the real (waitress/Flask) server sends. */
const BASE_HEADERS: OutgoingHttpHeaders = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'private, no-cache, no-store, must-revalidate'
}

/** JSON reply, gzip-compressed whenever the client sends Accept-Encoding: gzip (as ICS does). */
export function reply(ctx: RequestContext, status: number, value: unknown): Promise<void> {
  return sendJson(ctx.req, ctx.res, status, value, { ...BASE_HEADERS, ...ctx.headers }, true)
}

export function replyEmpty(ctx: RequestContext, status = 200): Promise<void> {
  return sendBody(ctx.req, ctx.res, status, '', { ...BASE_HEADERS, ...ctx.headers }, true)
}

/** The error envelope ICS clients model: `{error_message, error_type, traceback}`. */
export function replyError(ctx: RequestContext, status: number, type: string, message: string): Promise<void> {
  return reply(ctx, status, { error_message: message, error_type: type, traceback: null })
}
