/**
 * Which credential a request carried: `credential` names it (the vendor method's label) in 401/403 messages, and
 * `session` tells the runner that a 401/403 may be cured by logging in again. In its own module because the
 * authenticator (which applies it) and auth-failure.ts (which names it in messages) both need it, and neither should
 * import the other for a type.
 */
export type AppliedAuth = 'none' | 'manual' | AppliedCredential

export interface AppliedCredential {
  credential: string
  session: boolean
}
