/** The v1 API as far as Cloud Exchange uses it: `POST /api/v1/app_instances?op=list` to validate a v1 token. */
import type { RequestContext } from '../http/context'
import { parseForm } from '../http/body'
import { reply } from './reply'

const INSTANCES = [
  { app: 'Box', instance_id: 'box-corp', instance_name: 'Box corp', tags: ['Sanctioned'] },
  { app: 'Google Drive', instance_id: 'gdrive-corp', instance_name: 'Google Drive corp', tags: ['Sanctioned'] },
  { app: 'Microsoft OneDrive for Business', instance_id: 'onedrive-corp', instance_name: 'OneDrive corp', tags: ['Sanctioned'] },
  { app: 'Slack', instance_id: 'slack-corp', instance_name: 'Slack corp', tags: [] }
]

/** v1 reads `token` from the query string or, for form posts, from the body. */
export async function v1Token(ctx: RequestContext): Promise<string | null> {
  const fromQuery = ctx.query.get('token')
  if (fromQuery !== null && fromQuery !== '') return fromQuery
  const type = ctx.req.headers['content-type'] ?? ''
  if (ctx.method === 'POST' && /application\/x-www-form-urlencoded/i.test(type)) {
    const fromBody = parseForm(await ctx.body()).get('token')
    if (fromBody !== null && fromBody !== '') return fromBody
  }
  return null
}

export function v1Error(ctx: RequestContext, status: number, errorCode: string, message: string): Promise<void> {
  return reply(ctx, status, { status: 'error', errorCode, errors: [message] })
}

export async function handleAppInstances(ctx: RequestContext): Promise<void> {
  const form = ctx.method === 'POST' && /x-www-form-urlencoded/i.test(ctx.req.headers['content-type'] ?? '')
    ? parseForm(await ctx.body())
    : new URLSearchParams()
  const param = (name: string): string | null => ctx.query.get(name) ?? form.get(name)
  const op = param('op')
  if (op !== 'list') return v1Error(ctx, 200, 'General Error', `Invalid op '${op ?? ''}'. The sandbox supports op=list.`)
  const limitRaw = param('limit')
  const limit = limitRaw === null ? INSTANCES.length : Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 0) return v1Error(ctx, 200, 'General Error', 'limit must be a non-negative integer.')
  return reply(ctx, 200, { status: 'success', data: INSTANCES.slice(0, limit) })
}
