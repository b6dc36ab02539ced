/**
 * Falcon's OAuth2 client-credentials flow: POST /oauth2/token (form client_id + client_secret, optional
 * member_cid) answers 201 with a bearer token valid for `expires_in` seconds; POST /oauth2/revoke (HTTP Basic
 * client_id:client_secret, form `token`) ends one early. Every other call needs `Authorization: Bearer`.
 * The sandbox's clients come from ./credentials.ts, not from SandboxRuntime.credentials.
 */
import { randomBytes } from 'node:crypto'
import type { RequestContext } from '../http/context'
import { bearerToken } from '../http/context'
import { parseForm } from '../http/body'
import type { SandboxRuntime } from '../types'
import { FALCON_SANDBOX_CLIENTS, FALCON_TOKEN_LIFETIME_SEC, type FalconSandboxClient, type FalconScope } from './credentials'
import { clientAddress, type FalconRateLimits } from './rate-limits'
import { failure, resources, send } from './reply'

/** The OAuth2 service answers token requests (the gateway only proxies them). */
const OAUTH_SERVICE = 'csam'
export const RATE_LIMITED = 'API rate limit exceeded.'

interface IssuedToken {
  client: FalconSandboxClient
  expiresAtMs: number
}

function basicCredentials(ctx: RequestContext): { id: string; secret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '')
  if (match?.[1] === undefined) return null
  const decoded = Buffer.from(match[1], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  return colon > 0 ? { id: decoded.slice(0, colon), secret: decoded.slice(colon + 1) } : null
}

function findClient(id: string, secret: string): FalconSandboxClient | null {
  return FALCON_SANDBOX_CLIENTS.find((c) => c.clientId === id && c.clientSecret === secret) ?? null
}

export class FalconAuth {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(
    private readonly runtime: SandboxRuntime,
    private readonly limits: FalconRateLimits
  ) {}

  async token(ctx: RequestContext): Promise<void> {
    if (!this.limits.take(ctx, 'token', clientAddress(ctx))) return failure(ctx, 429, RATE_LIMITED)
    const form = parseForm(await ctx.body())
    const id = form.get('client_id') ?? ''
    const secret = form.get('client_secret') ?? ''
    if (id === '' || secret === '') {
      return failure(ctx, 400, 'client_id and client_secret are required', OAUTH_SERVICE)
    }
    const client = findClient(id, secret)
    if (client === null) return failure(ctx, 403, 'Failed to issue access token - Not Authorized', OAUTH_SERVICE)
    this.prune()
    const token = randomBytes(48).toString('base64url')
    this.tokens.set(token, { client, expiresAtMs: this.runtime.now() + FALCON_TOKEN_LIFETIME_SEC * 1000 })
    return send(ctx, 201, { access_token: token, token_type: 'bearer', expires_in: FALCON_TOKEN_LIFETIME_SEC })
  }

  async revoke(ctx: RequestContext): Promise<void> {
    if (!this.limits.take(ctx, 'token', clientAddress(ctx))) return failure(ctx, 429, RATE_LIMITED)
    const basic = basicCredentials(ctx)
    const client = basic === null ? null : findClient(basic.id, basic.secret)
    if (client === null) return failure(ctx, 401, 'access denied, invalid client credentials', OAUTH_SERVICE)
    const token = parseForm(await ctx.body()).get('token') ?? ''
    if (token === '') return failure(ctx, 400, 'token is required', OAUTH_SERVICE)
    // A token of another client stays valid; an unknown one is "revoked" too (RFC 7009 answers 200 either way).
    if (this.tokens.get(token)?.client.clientId === client.clientId) this.tokens.delete(token)
    return resources(ctx, OAUTH_SERVICE, [])
  }

  /**
   * Checks the bearer token, counts the request against the account or anonymous limit and checks `scope`.
   * Answers 401/403/429 itself and returns null when the request must stop.
   */
  async require(ctx: RequestContext, scope: FalconScope): Promise<FalconSandboxClient | null> {
    const token = bearerToken(ctx.req)
    const issued = token === null ? undefined : this.tokens.get(token)
    const valid = issued !== undefined && issued.expiresAtMs > this.runtime.now()
    const allowed = valid ? this.limits.take(ctx, 'account', 'sandbox') : this.limits.take(ctx, 'anonymous', clientAddress(ctx))
    if (!allowed) {
      await failure(ctx, 429, RATE_LIMITED)
      return null
    }
    if (!valid) {
      await failure(ctx, 401, 'access denied, invalid bearer token')
      return null
    }
    if (!issued.client.scopes.includes(scope)) {
      await failure(ctx, 403, 'access denied, authorization failed')
      return null
    }
    return issued.client
  }

  private prune(): void {
    const now = this.runtime.now()
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs <= now) this.tokens.delete(token)
  }
}
