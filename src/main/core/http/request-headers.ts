import type { HeaderPair } from '@shared/model/response'
import type { PreparedBody } from './request-body'

/** Sent unless the user sets their own. Compressed responses are decoded by the engine. */
const DEFAULT_HEADERS: HeaderPair[] = [
  ['user-agent', 'CloudSecAPIExplorer/0.1'],
  ['accept', '*/*'],
  ['accept-encoding', 'gzip, deflate, br']
]

/** Connection-level headers undici computes or refuses; sending the user's value could corrupt the framing. */
const MANAGED = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect', 'te', 'trailer', 'proxy-connection'])

/** The user's headers plus content type and defaults, minus those the HTTP client must own; with notes on what changed. */
export function composeHeaders(user: HeaderPair[], body: PreparedBody): { headers: HeaderPair[]; warnings: string[] } {
  const warnings: string[] = []
  const headers: HeaderPair[] = []
  const present = new Set<string>()
  for (const [name, value] of user) {
    const lower = name.toLowerCase()
    if (MANAGED.has(lower)) {
      warnings.push(`Header "${name}" was not sent: the HTTP client sets it from the body and connection.`)
      continue
    }
    if (lower === 'content-type' && body.replaceContentType) {
      warnings.push(`Header "${name}: ${value}" was replaced: multipart bodies need the generated boundary.`)
      continue
    }
    present.add(lower)
    headers.push([name, value])
  }
  if (body.contentType !== null && (!present.has('content-type') || body.replaceContentType)) headers.push(['content-type', body.contentType])
  for (const pair of DEFAULT_HEADERS) if (!present.has(pair[0])) headers.push(pair)
  return { headers, warnings }
}
