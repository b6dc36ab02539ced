import { createHash } from 'node:crypto'
import type { Environment } from '@shared/model/environment'
import { httpOrigin } from '@shared/model/origin'
import type { Session } from './session-login'

/** A login session and where it came from: logout and quit end it at the base URL that issued it. */
export interface CachedSession extends Session {
  issuer: string
  /** The TLS settings it was issued under (a private CA), so the logout reaches the same server. */
  tls: Environment['tls']
  /** The vendor's logout call, or null when its tokens are simply dropped (OAuth2 client credentials). */
  logout: { path: string; header: string } | null
}

/**
 * Login-derived tokens keyed by (environment, origin, hash of identity + secret): after a base-URL change or a new
 * secret the lookup misses, so a token never follows an environment to another host or outlives its credential.
 */
export class SessionCache {
  private readonly byEnvironment = new Map<string, Map<string, CachedSession>>()

  static key(environment: Environment, identity: string, secret: string): string {
    const digest = createHash('sha256').update(`${identity}\u0000${secret}`).digest('hex')
    return `${httpOrigin(environment.baseUrl) ?? ''} ${digest}`
  }

  get(environmentId: string, key: string): CachedSession | undefined {
    return this.byEnvironment.get(environmentId)?.get(key)
  }

  set(environmentId: string, key: string, session: CachedSession): void {
    const entries = this.byEnvironment.get(environmentId) ?? new Map<string, CachedSession>()
    entries.set(key, session)
    this.byEnvironment.set(environmentId, entries)
  }

  /** The newest session of the environment (for the auth panel), or null. */
  newest(environmentId: string): CachedSession | null {
    const entries = [...(this.byEnvironment.get(environmentId)?.values() ?? [])]
    return entries[entries.length - 1] ?? null
  }

  /** Removes and returns every session of the environment. */
  take(environmentId: string): CachedSession[] {
    const entries = [...(this.byEnvironment.get(environmentId)?.values() ?? [])]
    this.byEnvironment.delete(environmentId)
    return entries
  }

  /** Removes and returns the sessions issued for an origin the environment no longer has. */
  takeStale(environment: Environment): CachedSession[] {
    const entries = this.byEnvironment.get(environment.id)
    if (!entries) return []
    const prefix = `${httpOrigin(environment.baseUrl) ?? ''} `
    const stale: CachedSession[] = []
    for (const [key, session] of entries) {
      if (key.startsWith(prefix)) continue
      stale.push(session)
      entries.delete(key)
    }
    return stale
  }

  /** Removes and returns every session of every environment. */
  takeAll(): CachedSession[] {
    const all = [...this.byEnvironment.values()].flatMap((entries) => [...entries.values()])
    this.byEnvironment.clear()
    return all
  }
}
