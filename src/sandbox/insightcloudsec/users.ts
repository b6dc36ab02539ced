/** ICS user endpoints: login, logout, user info, API key creation and the user list. */
import type { InsightCloudSecUser } from '../credentials'
import type { RequestContext } from '../http/context'
import { isRecord, parseJson } from '../http/body'
import type { AuthResult, IcsAuth } from './auth'
import { icsTime } from './data'
import { reply, replyEmpty, replyError } from './reply'

function userInfoDate(ms: number): string {
  const d = new Date(ms).toISOString()
  return `${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}, ${d.slice(11, 19)} UTC`
}

function customerId(): string {
  return '5A:1D:B0:C5:EC:00:5A:1D'
}

export async function login(ctx: RequestContext, auth: IcsAuth): Promise<void> {
  const body = parseJson(await ctx.body())
  if (!isRecord(body) || typeof body['username'] !== 'string' || typeof body['password'] !== 'string') {
    return replyError(ctx, 400, 'BadRequest', 'Send a JSON body {"username": ..., "password": ...}.')
  }
  const session = auth.login(body['username'], body['password'])
  if (session === null) return replyError(ctx, 401, 'AuthenticationFailed', 'Invalid username or password.')
  const { user } = session
  return reply(ctx, 200, {
    user_id: user.userId,
    session_id: session.id,
    session_timeout: auth.timeoutMs / 60_000,
    domain_admin: user.domainAdmin,
    domain_viewer: false,
    customer_id: customerId(),
    user_name: user.username,
    auth_plugin_exists: false,
    user_email: user.email
  })
}

export async function logout(ctx: RequestContext, auth: IcsAuth, who: AuthResult): Promise<void> {
  if (who.session !== null) auth.logout(who.session.id)
  return replyEmpty(ctx, 200)
}

export function userInfo(ctx: RequestContext, auth: IcsAuth, who: AuthResult, startedMs: number): Promise<void> {
  const { user, session } = who
  return reply(ctx, 200, {
    resource_id: `divvyuser:${user.userId}:`,
    user_id: user.userId,
    username: user.username,
    name: user.name,
    email: user.email,
    organization_id: 1,
    organization_name: 'Default Organization',
    domain_admin: user.domainAdmin,
    domain_viewer: false,
    organization_admin: user.domainAdmin,
    two_factor_enabled: false,
    auth: 'local',
    session_ttl: auth.timeoutMs / 1000,
    session_expiration: session === null ? null : userInfoDate(session.expiresMs),
    session_timeout_seconds: auth.timeoutMs / 1000,
    api_key_generation_allowed: true,
    navigation_blacklist: [],
    create_date: icsTime(startedMs - 90 * 86_400_000)
  })
}

export async function createApiKey(ctx: RequestContext, auth: IcsAuth, who: AuthResult): Promise<void> {
  const body = parseJson(await ctx.body())
  const raw = isRecord(body) ? body['user_id'] : undefined
  const userId = raw === undefined ? who.user.userId : Number(raw)
  if (!Number.isInteger(userId)) return replyError(ctx, 400, 'BadRequest', 'user_id must be a user id such as "1".')
  const lengthRaw = isRecord(body) ? body['key_length'] : undefined
  const length = lengthRaw === undefined ? 51 : Number(lengthRaw)
  if (!Number.isInteger(length) || length < 32 || length > 128) {
    return replyError(ctx, 400, 'BadRequest', 'key_length must be an integer from 32 to 128.')
  }
  const target = auth.users.find((u) => u.userId === userId)
  if (target === undefined) return replyError(ctx, 404, 'NotFound', `User ${userId} does not exist.`)
  if (target.userId !== who.user.userId && !who.user.domainAdmin) {
    return replyError(ctx, 403, 'Forbidden', 'Only a domain admin can create API keys for other users.')
  }
  // A bare JSON string, as ICS returns it ("not valid json, just a quoted string").
  return reply(ctx, 200, auth.rotateKey(userId, length))
}

function listedUser(auth: IcsAuth, user: InsightCloudSecUser, startedMs: number): Record<string, unknown> {
  return {
    resource_id: `divvyuser:${user.userId}:`,
    name: user.name,
    user_id: user.userId,
    organization_admin: user.domainAdmin,
    domain_admin: user.domainAdmin,
    domain_viewer: false,
    email_address: user.email,
    username: user.username,
    organization_name: 'Default Organization',
    organization_id: 1,
    two_factor_enabled: false,
    two_factor_required: false,
    groups: user.domainAdmin ? 2 : 1,
    owned_resources: 0,
    consecutive_failed_login_attempts: 0,
    suspended: false,
    navigation_blacklist: [],
    require_pw_reset: false,
    console_access_denied: false,
    active_api_key_present: auth.hasActiveKey(user.userId),
    create_date: icsTime(startedMs - 90 * 86_400_000)
  }
}

export function listUsers(ctx: RequestContext, auth: IcsAuth, who: AuthResult, startedMs: number): Promise<void> {
  if (!who.user.domainAdmin) {
    return replyError(ctx, 403, 'Forbidden', 'You do not have permission to list users.')
  }
  const users = auth.users.map((u) => listedUser(auth, u, startedMs))
  return reply(ctx, 200, { users, total_count: users.length })
}
