/**
 * CE's `POST /api/auth` (OAuth2 form: password or client_credentials) and Bearer checks, with CE 6's
 * lockout ladder: the 5th consecutive failure locks for 2 minutes, the 10th for 5 minutes, every further
 * 5th for 6 hours. Every failure is a 401 with FastAPI's `{"detail": ...}`.
 */
import { randomBytes } from 'node:crypto'
import type { SandboxRuntime } from '../types'
import type { RequestContext } from '../http/context'
import { bearerToken } from '../http/context'
import { parseForm } from '../http/body'
import { detail, reply, validationError } from './reply'
import { signJwt, verifyJwt } from './jwt'

interface Lockout {
  failures: number
  lockedUntilMs: number
}

export interface CeUser {
  username: string
  scopes: string[]
  clientId?: string
}

function minutesText(ms: number): string {
  const minutes = Math.ceil(ms / 60_000)
  if (minutes <= 60) return `${minutes} minute(s)`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest > 0 ? `${hours} hour(s) and ${rest} minute(s)` : `${hours} hour(s)`
}

export class CeAuth {
  private readonly secret = randomBytes(32)
  private readonly lockouts = new Map<string, Lockout>()

  constructor(private readonly runtime: SandboxRuntime) {}

  private lockMessage(remainingMs: number): string {
    return `This account has been locked due to multiple login failures. Please retry after ${minutesText(remainingMs)}.`
  }

  /** Returns the lock message if `principal` is locked right now. */
  private locked(principal: string): string | null {
    const entry = this.lockouts.get(principal)
    const remaining = (entry?.lockedUntilMs ?? 0) - this.runtime.now()
    return remaining > 0 ? this.lockMessage(remaining) : null
  }

  /** Counts a failure; returns the message to send (the lock message when this failure locks). */
  private fail(principal: string, message: string): string {
    const entry = this.lockouts.get(principal) ?? { failures: 0, lockedUntilMs: 0 }
    entry.failures++
    const lockMs = entry.failures === 5 ? 2 * 60_000 : entry.failures === 10 ? 5 * 60_000
      : entry.failures > 10 && entry.failures % 5 === 0 ? 6 * 3600_000 : 0
    if (lockMs > 0) entry.lockedUntilMs = this.runtime.now() + lockMs
    this.lockouts.set(principal, entry)
    return lockMs > 0 ? this.lockMessage(lockMs) : message
  }

  async token(ctx: RequestContext): Promise<void> {
    const form = parseForm(await ctx.body())
    const grantType = form.get('grant_type') ?? 'password'
    if (grantType !== 'password' && grantType !== 'client_credentials') {
      return validationError(ctx, [{ type: 'string_pattern_mismatch', loc: ['body', 'grant_type'],
        msg: "String should match pattern 'password|client_credentials'", input: grantType }])
    }
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean)
    const creds = this.runtime.credentials.cloudExchange
    let principal: CeUser
    if (grantType === 'password') {
      const username = form.get('username') ?? ''
      const password = form.get('password') ?? ''
      const user = creds.users.find((u) => u.username === username)
      if (username === '' || password === '' || user === undefined) return detail(ctx, 401, 'Incorrect username or password.')
      const lock = this.locked(`user:${username}`)
      if (lock !== null) return detail(ctx, 401, lock)
      if (user.password !== password) return detail(ctx, 401, this.fail(`user:${username}`, 'Incorrect username or password.'))
      this.lockouts.delete(`user:${username}`)
      principal = { username: user.username, scopes: user.scopes }
    } else {
      let clientId = form.get('client_id') ?? ''
      let clientSecret = form.get('client_secret') ?? ''
      const basic = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '')
      if ((clientId === '' || clientSecret === '') && basic?.[1] !== undefined) {
        const decoded = Buffer.from(basic[1], 'base64').toString('utf8')
        const colon = decoded.indexOf(':')
        if (colon > 0) [clientId, clientSecret] = [decoded.slice(0, colon), decoded.slice(colon + 1)]
      }
      const client = creds.clients.find((c) => c.clientId === clientId)
      const invalid = 'Invalid client_id/client_secret provided.'
      if (clientId === '' || clientSecret === '' || client === undefined) return detail(ctx, 401, invalid)
      const lock = this.locked(`client:${clientId}`)
      if (lock !== null) return detail(ctx, 401, lock)
      if (client.clientSecret !== clientSecret) return detail(ctx, 401, this.fail(`client:${clientId}`, invalid))
      this.lockouts.delete(`client:${clientId}`)
      principal = { username: `api-${client.name}`, scopes: client.scopes, clientId }
    }
    if (requested.some((scope) => !principal.scopes.includes(scope))) return detail(ctx, 403, 'Unauthorized')
    const scopes = requested.length > 0 ? requested : principal.scopes
    const exp = Math.floor(this.runtime.now() / 1000) + creds.tokenLifetimeMinutes * 60
    const claims: Record<string, unknown> = { username: principal.username, scopes, exp }
    if (principal.clientId !== undefined) claims['client_id'] = principal.clientId
    return reply(ctx, 200, { access_token: signJwt(claims, this.secret), token_type: 'bearer', scopes,
      firstLogin: false, fromSSO: false, passwordPolicyViolation: false })
  }

  /** Checks the Bearer JWT and scopes; answers 401/403 itself and returns null when the request must stop. */
  async require(ctx: RequestContext, scopes: string[]): Promise<CeUser | null> {
    const token = bearerToken(ctx.req)
    if (token === null) {
      await detail(ctx, 401, 'Not authenticated', { 'WWW-Authenticate': 'Bearer' })
      return null
    }
    const payload = verifyJwt(token, this.secret, Math.floor(this.runtime.now() / 1000))
    const username = payload?.['username']
    const granted = payload?.['scopes']
    if (payload === null || typeof username !== 'string' || !Array.isArray(granted)) {
      await detail(ctx, 401, 'Could not validate credentials.')
      return null
    }
    if (scopes.some((scope) => !granted.includes(scope))) {
      await detail(ctx, 403, 'Not enough permissions.')
      return null
    }
    const clientId = payload['client_id']
    return { username, scopes: granted.map(String), ...(typeof clientId === 'string' ? { clientId } : {}) }
  }
}
