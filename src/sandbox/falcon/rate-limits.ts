/**
 * Falcon's published limits: 6,000 requests per minute per customer account for calls with a valid bearer
 * token; 15 per minute per source IP for calls with a missing, malformed or expired token; /oauth2/token has
 * its own per-IP allowance (300/min). Falcon counts on a sliding window; the sandbox uses src/sandbox/rate-limiter.ts'
 * fixed one-minute windows, which is close enough for clients that read the headers.
 * With `runtime.rateLimit` false nothing is refused and Remaining stays at the limit.
 */
import type { RequestContext } from '../http/context'
import { RateLimiter, type RateDecision } from '../rate-limiter'
import type { SandboxRuntime } from '../types'

export type RateBucket = 'account' | 'anonymous' | 'token'

const LIMITS: Record<RateBucket, number> = { account: 6000, anonymous: 15, token: 300 }
const WINDOW_MS = 60_000

export class FalconRateLimits {
  private readonly limiters: Record<RateBucket, RateLimiter>

  constructor(private readonly runtime: SandboxRuntime) {
    const make = (limit: number): RateLimiter => new RateLimiter(limit, WINDOW_MS, runtime.now, true)
    this.limiters = { account: make(LIMITS.account), anonymous: make(LIMITS.anonymous), token: make(LIMITS.token) }
  }

  /**
   * Counts one request against `bucket`/`key`, sets the X-RateLimit-* headers on `ctx` and returns whether
   * the request may proceed. A refusal also sets X-RateLimit-RetryAfter (epoch seconds, as Falcon sends it).
   */
  take(ctx: RequestContext, bucket: RateBucket, key: string): boolean {
    const decision: RateDecision = this.runtime.rateLimit
      ? this.limiters[bucket].take(`${bucket}:${key}`)
      : { allowed: true, limit: LIMITS[bucket], remaining: LIMITS[bucket], resetSeconds: 60 }
    ctx.headers['X-RateLimit-Limit'] = String(decision.limit)
    ctx.headers['X-RateLimit-Remaining'] = String(decision.remaining)
    if (!decision.allowed) {
      ctx.headers['X-RateLimit-RetryAfter'] = String(Math.floor(this.runtime.now() / 1000) + decision.resetSeconds)
    }
    return decision.allowed
  }
}

export function clientAddress(ctx: RequestContext): string {
  return ctx.req.socket.remoteAddress ?? 'unknown'
}
