import { AppError } from '@shared/model/errors'

export interface ErrorContext {
  url: URL
  connectTimeoutMs: number
}

/**
 * Largest response head accepted (undici's default is Node's 16 KiB). Real servers send big cookies and CSP
 * headers, so allow more, but stay bounded: a head is held in memory whole before the body starts.
 */
export const MAX_RESPONSE_HEADER_BYTES = 64 * 1024

const TLS_HINT =
  "Add the server's CA certificate in the environment's TLS settings (recommended) or turn verification off for this environment."

const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN'])
const UNTRUSTED = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE'
])
const EXPIRED = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'])
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|ERR_OSSL_)|SSL|TLS/

/** "host:port" with the default port filled in and IPv6 hosts bracketed. */
function hostPort(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  return `${url.hostname.includes(':') ? `[${url.hostname}]` : url.hostname}:${port}`
}

export function seconds(ms: number): string {
  const value = ms / 1000
  return `${+value.toFixed(value < 10 ? 1 : 0)} s`
}

function errorCode(error: unknown): string {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; errors?: unknown; cause?: unknown }
    if (typeof record.code === 'string' && record.code !== 'UND_ERR_SOCKET') return record.code
    // Happy-eyeballs failures arrive as AggregateError with one error per address.
    if (Array.isArray(record.errors) && record.errors.length > 0) current = record.errors[0]
    else if (record.cause) current = record.cause
    else return typeof record.code === 'string' ? record.code : ''
  }
  return ''
}

/** Maps undici / Node / OpenSSL failures to AppError with a message naming the host and what to do. */
export function toAppError(error: unknown, context: ErrorContext): AppError {
  if (error instanceof AppError) return error
  const host = context.url.hostname
  const where = hostPort(context.url)
  const code = errorCode(error)
  const detail = error instanceof Error ? error.message : String(error)

  if (SELF_SIGNED.has(code)) {
    return new AppError('TLS_SELF_SIGNED', `The server ${where} presented a self-signed certificate (${code}), which is not trusted.`, TLS_HINT)
  }
  if (UNTRUSTED.has(code)) {
    return new AppError('TLS_UNTRUSTED', `The certificate of ${where} was issued by a CA that is not trusted (${code}).`, TLS_HINT)
  }
  if (EXPIRED.has(code)) {
    const when = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet'
    return new AppError(
      'TLS_EXPIRED',
      `The certificate of ${where} ${when} (${code}).`,
      "Ask the server's owner to renew it, check this computer's clock, or turn verification off for this environment."
    )
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const reason = (error as { reason?: unknown }).reason
    return new AppError(
      'TLS_HOSTNAME_MISMATCH',
      `The certificate of ${where} is not valid for the name "${host}"${typeof reason === 'string' ? `: ${reason}` : ''}.`,
      'Use a host name the certificate was issued for, or turn verification off for this environment.'
    )
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new AppError(
      'TIMEOUT_CONNECT',
      `Connecting to ${where} timed out (connect timeout ${seconds(context.connectTimeoutMs)}).`,
      'Check the host, port, VPN or firewall, or raise the connect timeout in Settings.'
    )
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    const temporary = code === 'EAI_AGAIN' ? ' (temporary DNS failure)' : ''
    return new AppError(
      'DNS_FAILURE',
      `The host name "${host}" could not be resolved${temporary} (${code}).`,
      'Check the spelling of the host, your network or VPN connection, and DNS settings.'
    )
  }
  if (code === 'ECONNREFUSED') {
    return new AppError(
      'CONNECTION_REFUSED',
      `The connection to ${where} was refused: nothing is listening on that port, or a firewall rejected it.`,
      'Check the port and that the server is running.'
    )
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || (error as { code?: unknown }).code === 'UND_ERR_SOCKET') {
    return new AppError(
      'CONNECTION_RESET',
      `The connection to ${where} was closed by the server or a middlebox before the response was complete (${code || 'socket closed'}).`,
      'Try again; if it keeps happening, check proxies, VPN or TLS interception in between.'
    )
  }
  if (TLS_CODE.test(code) || /certificate|ssl|tls/i.test(detail)) {
    return new AppError('TLS_ERROR', `The TLS connection to ${where} failed: ${detail}${code ? ` (${code})` : ''}.`, TLS_HINT)
  }
  if (code === 'UND_ERR_HEADERS_OVERFLOW') {
    return new AppError(
      'NETWORK_ERROR',
      `The response headers from ${where} are larger than the ${MAX_RESPONSE_HEADER_BYTES / 1024} KiB limit; the response was not read (${code}).`,
      'The server (or a proxy in between) sent oversized headers, often a huge cookie; ask its owner to check.'
    )
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new AppError('NETWORK_ERROR', `The server ${where} sent an invalid HTTP response: ${detail} (${code}).`)
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EADDRNOTAVAIL') {
    return new AppError('NETWORK_ERROR', `${where} cannot be reached from this computer (${code}).`, 'Check the network or VPN connection.')
  }
  return new AppError('NETWORK_ERROR', `The request to ${where} failed: ${detail}${code ? ` (${code})` : ''}.`)
}

/**
 * A lost connection says how far the response got, so nobody takes a short body for the whole one: "before the
 * response headers arrived", or "after 500 of the 1,000 bytes announced by Content-Length". Others pass unchanged.
 */
export function withProgress(error: AppError, url: URL, body: { received: number; announced: number | null } | null): AppError {
  if (error.code !== 'CONNECTION_RESET') return error
  const count = (n: number): string => n.toLocaleString('en-US')
  const when =
    body === null
      ? 'before the response headers arrived'
      : body.announced !== null
        ? `after ${count(body.received)} of the ${count(body.announced)} bytes announced by Content-Length; the response is incomplete and was not kept`
        : `after ${count(body.received)} bytes of the body; the response is incomplete and was not kept`
  return new AppError('CONNECTION_RESET', `The connection to ${hostPort(url)} was closed by the server or a middlebox ${when}.`, error.hint)
}
