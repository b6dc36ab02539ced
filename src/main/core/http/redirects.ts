import { AppError } from '@shared/model/errors'
import type { HeaderPair } from '@shared/model/response'
import { isCredentialHeader, redactUrl } from '@shared/redaction/redact'
import { containsSecretValue } from '@shared/redaction/secret-values'
import type { HopRequest } from './exchange'

export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308])

/** Headers that describe the request body; meaningless once a redirect turns the request into a body-less GET. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location', 'transfer-encoding'])

export interface RedirectStep {
  next: HopRequest
  droppedCredentials: boolean
}

const NO_SECRETS: readonly string[] = []

/**
 * The request to send after a redirect. 301/302/303 become GET without a body (HEAD stays HEAD), 307/308 keep
 * method and body. Leaving the origin (scheme, host or port changes) drops every credential header and every header
 * whose value carries one of `secretValues` (a `{{secret.*}}` in a header of any name), so a token for one server is
 * never handed to another; a 307/308 whose body carries a secret value (a login's client_secret or password, a v1
 * token in a form) is refused rather than re-sent there.
 */
export function followRedirect(current: HopRequest, status: number, location: string, secretValues = NO_SECRETS): RedirectStep {
  let target: URL
  try {
    target = new URL(location, current.url)
  } catch {
    throw new AppError(
      'NETWORK_ERROR',
      `The server answered ${status} with an invalid Location header "${redactUrl(location).slice(0, 200)}" (from ${redactUrl(current.url.href)}).`
    )
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new AppError(
      'UNSUPPORTED_SCHEME',
      `The server redirected to "${target.protocol}", which is not supported; only http and https are (from ${redactUrl(current.url.href)}).`
    )
  }
  const toGet = status !== 307 && status !== 308 && current.method !== 'HEAD'
  const crossOrigin = target.origin !== current.url.origin
  const secrets = crossOrigin && secretValues.length > 0 ? secretValues : NO_SECRETS
  if (!toGet && current.body !== null && secrets.length > 0 && containsSecretValue(bodyText(current.body), secrets)) {
    throw new AppError(
      'REDIRECT_REFUSED',
      `The server answered ${status} from ${current.url.origin}, asking to send the request body again to ${target.origin}; ` +
        'the body carries a secret, so it was not sent there.',
      'Send the request to the redirect target directly if you trust it, or fix the base URL (a 307/308 often means http vs https or a moved host).'
    )
  }
  let droppedCredentials = false
  const headers: HeaderPair[] = []
  for (const [name, value] of current.headers) {
    const lower = name.toLowerCase()
    if (toGet && BODY_HEADERS.has(lower)) continue
    if (crossOrigin && lower === 'host') continue
    if (crossOrigin && (isCredentialHeader(name) || (secrets.length > 0 && containsSecretValue(value, secrets)))) {
      droppedCredentials = true
      continue
    }
    headers.push([name, value])
  }
  return {
    next: { url: target, method: toGet ? 'GET' : current.method, headers, body: toGet ? null : current.body },
    droppedCredentials
  }
}

function bodyText(body: NonNullable<HopRequest['body']>): string {
  return typeof body === 'string' ? body : body.textParts()
}
