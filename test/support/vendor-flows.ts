import type { AuthMethod } from '@shared/vendors/definition'
import { vendorById } from '@shared/vendors/registry'

/** A vendor's auth method of one flow (the tests drive the login flows directly). */
export function flowOf<F extends AuthMethod['flow']>(kind: string, flow: F): Extract<AuthMethod, { flow: F }> {
  const method = vendorById(kind)?.auth.find((candidate): candidate is Extract<AuthMethod, { flow: F }> => candidate.flow === flow)
  if (!method) throw new Error(`${kind} has no ${flow} method`)
  return method
}
