import type { SendResult } from '@shared/model/response'
import { maskSecretValues } from '@shared/redaction/secret-values'
import { maskInPlace, secretBytes } from './stored-body/secret-bytes'

/**
 * A send result as it may cross to the renderer: every known secret value of the send (SendOptions.secretValues)
 * masked in the URL, the request echo, the response headers, the redirect hops, the warnings and the preview. An
 * echoing server, an error page or a login answer may repeat any of them, in any encoding. The preview keeps its
 * byte length (the renderer pages on from its end, src/renderer/src/features/response-viewer/useResponseBody.ts).
 */
export function maskSendResult(result: SendResult, values: readonly string[]): SendResult {
  const secrets = secretBytes(values)
  if (secrets === null) return result
  const mask = (text: string): string => maskSecretValues(text, values)
  const pairs = (rows: SendResult['headers']): SendResult['headers'] => rows.map(([name, value]) => [mask(name), mask(value)])
  const preview = result.preview.binary
    ? result.preview
    : { ...result.preview, text: maskInPlace(Buffer.from(result.preview.text), secrets, result.preview.truncated).toString('utf8') }
  return {
    ...result,
    url: mask(result.url),
    headers: pairs(result.headers),
    redirects: result.redirects.map((hop) => ({ ...hop, url: mask(hop.url) })),
    preview,
    requestEcho: { method: result.requestEcho.method, url: mask(result.requestEcho.url), headers: pairs(result.requestEcho.headers) },
    warnings: result.warnings.map(mask)
  }
}

/** Parsed JSON records (iterator pages for the viewer) with every string, keys included, masked. */
export function maskRecords<T>(records: T[], values: readonly string[]): T[] {
  if (secretBytes(values) === null) return records
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskSecretValues(value, values)
    if (Array.isArray(value)) return value.map(walk)
    if (value === null || typeof value !== 'object') return value
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [maskSecretValues(key, values), walk(inner)]))
  }
  return records.map((record) => walk(record) as T)
}

/** Names of answer fields that carry a login-derived token (CE's access_token, ICS's session_id, and kin). */
const TOKEN_FIELD = /token|session|secret|password|api[-_]?key/i

/**
 * Tokens in the JSON answer to a request that carried vault secrets: when a page sends the login request itself
 * ({{secret.clientSecret}} to /api/auth), the token it gets back is as secret as the credential it came from.
 */
export function tokensInAnswer(previewText: string): string[] {
  const start = previewText.trimStart()[0]
  if (start !== '{' && start !== '[') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(previewText)
  } catch {
    return []
  }
  const found: string[] = []
  const walk = (value: unknown, depth: number): void => {
    if (depth > 4 || value === null || typeof value !== 'object') return
    for (const [key, inner] of Object.entries(value)) {
      if (typeof inner === 'string' && TOKEN_FIELD.test(key) && inner.length >= 8) found.push(inner)
      else walk(inner, depth + 1)
    }
  }
  walk(parsed, 0)
  return found
}
