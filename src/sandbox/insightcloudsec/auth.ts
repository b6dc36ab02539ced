/**
 * ICS authentication: login sessions (sent back as `X-Auth-Token`, idle timeout) and API keys (`Api-Key`).
 * When a request carries both headers the API key decides, as the docs say the token is then ignored.
 */
import { randomBytes, randomInt } from 'node:crypto'
import type { InsightCloudSecUser } from '../credentials'
import type { SandboxRuntime } from '../types'
import { headerValue, type RequestContext } from '../http/context'
import { replyError } from './reply'

interface Session {
  userId: number
  expiresMs: number
}

export interface AuthResult {
  user: InsightCloudSecUser
  /** The session when authenticated by X-Auth-Token; null with an API key. */
  session: { id: string; expiresMs: number } | null
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

export class IcsAuth {
  private readonly sessions = new Map<string, Session>()
  /** user id -> current API key. */
  private readonly keys = new Map<number, string>()

  constructor(private readonly runtime: SandboxRuntime) {
    for (const user of runtime.credentials.insightcloudsec.users) this.keys.set(user.userId, user.apiKey)
  }

  get users(): InsightCloudSecUser[] {
    return this.runtime.credentials.insightcloudsec.users
  }

  get timeoutMs(): number {
    return this.runtime.credentials.insightcloudsec.sessionTimeoutMinutes * 60_000
  }

  login(username: string, password: string): { id: string; user: InsightCloudSecUser } | null {
    const user = this.users.find((u) => u.username === username && u.password === password)
    if (user === undefined) return null
    const id = randomBytes(16).toString('hex')
    this.sessions.set(id, { userId: user.userId, expiresMs: this.runtime.now() + this.timeoutMs })
    this.pruneExpired()
    return { id, user }
  }

  logout(sessionId: string): void {
    this.sessions.delete(sessionId)
  }

  hasActiveKey(userId: number): boolean {
    return this.keys.has(userId)
  }

  /** Issues a new key for `userId`; the previous one stops working at once. */
  rotateKey(userId: number, length: number): string {
    let key = ''
    for (let i = 0; i < length; i++) key += KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]
    this.keys.set(userId, key)
    return key
  }

  /** Authenticates the request or answers 401 itself (returning null). */
  async require(ctx: RequestContext): Promise<AuthResult | null> {
    const apiKey = headerValue(ctx.req, 'api-key')
    if (apiKey !== null) {
      const entry = [...this.keys].find(([, key]) => key === apiKey)
      const user = entry === undefined ? undefined : this.users.find((u) => u.userId === entry[0])
      if (user === undefined) {
        await replyError(ctx, 401, 'Unauthorized', 'Invalid or inactive API key.')
        return null
      }
      return { user, session: null }
    }
    const token = headerValue(ctx.req, 'x-auth-token')
    if (token === null) {
      await replyError(ctx, 401, 'Unauthorized', 'Authentication required: send an X-Auth-Token or Api-Key header.')
      return null
    }
    const session = this.sessions.get(token)
    const now = this.runtime.now()
    const user = session === undefined ? undefined : this.users.find((u) => u.userId === session.userId)
    if (session === undefined || user === undefined || session.expiresMs <= now) {
      if (session !== undefined) this.sessions.delete(token)
      await replyError(ctx, 401, 'Unauthorized', 'Session is invalid or has expired. Log in again.')
      return null
    }
    session.expiresMs = now + this.timeoutMs
    return { user, session: { id: token, expiresMs: session.expiresMs } }
  }

  private pruneExpired(): void {
    const now = this.runtime.now()
    for (const [id, session] of this.sessions) if (session.expiresMs <= now) this.sessions.delete(id)
  }
}
