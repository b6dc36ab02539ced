/**
 * Which credential a request carried; tells the runner whether a 401/403 may be cured by logging in again. In its
 * own module because the authenticator (which applies it) and auth-failure.ts (which names it in messages) both need
 * it, and neither should import the other for a type.
 */
export type AppliedAuth = 'none' | 'manual' | 'netskope-v2' | 'netskope-v1' | 'api-key' | 'session'
