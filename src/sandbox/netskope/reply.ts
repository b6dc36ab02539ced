import type { OutgoingHttpHeaders } from 'node:http'
import type { RequestContext } from '../http/context'
import { sendJson } from '../http/respond'

/** JSON reply from the Netskope listener (gzip when asked, rate-limit headers included). */
export function reply(ctx: RequestContext, status: number, value: unknown, extra: OutgoingHttpHeaders = {}): Promise<void> {
  return sendJson(ctx.req, ctx.res, status, value, { ...ctx.headers, ...extra }, true)
}

/** `{"message": ...}`: the v2 gateway's usual error body. */
export function replyMessage(ctx: RequestContext, status: number, message: unknown): Promise<void> {
  return reply(ctx, status, { message })
}
