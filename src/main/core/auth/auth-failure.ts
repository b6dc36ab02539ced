import type { AppError } from '@shared/model/errors'
import type { AppliedCredential } from './applied-auth'

/** The last auth failure of one environment. `error` is set while a repeated login with the same credentials is held back. */
export interface AuthFailure {
  message: string
  at: number
  error: AppError | null
}

/** Plain words for a 401/403 answer: 401 means the credential itself was refused, 403 that it lacks a scope or role. */
export function describeStatus(applied: AppliedCredential, status: number): string {
  const what = `The ${applied.credential}`
  if (status === 401) return `${what} was refused (HTTP 401): it is wrong, expired or revoked.`
  return `${what} was accepted but lacks scope for this endpoint (HTTP 403): grant the endpoint to the token or use another one.`
}

/** Never includes the thrown value's own text beyond its message: auth helpers build messages without secrets. */
export function describeThrown(failure: unknown): string {
  return failure instanceof Error ? failure.message : 'The login failed for an unknown reason.'
}
