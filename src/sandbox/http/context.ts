import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { readBody } from './body'

/** Per-request state shared by every vendor's handlers. */
export interface RequestContext {
  req: IncomingMessage
  res: ServerResponse
  method: string
  path: string
  query: URLSearchParams
  params: Record<string, string>
  /** Headers every response to this request carries (e.g. the rate-limit headers). */
  headers: OutgoingHttpHeaders
  /** The request body, read once and cached. */
  body(): Promise<Buffer>
}

export function parseTarget(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
  return { path: url.pathname, query: url.searchParams }
}

export function createContext(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  params: Record<string, string>
): RequestContext {
  let cached: Promise<Buffer> | null = null
  return {
    req,
    res,
    method: req.method ?? 'GET',
    path,
    query,
    params,
    headers: {},
    body: () => {
      cached ??= readBody(req)
      return cached
    }
  }
}

/** Bearer token from an Authorization header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (header === undefined) return null
  const match = /^Bearer\s+(.+)$/i.exec(header.trim())
  return match?.[1]?.trim() ?? null
}

export function headerValue(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()]
  if (Array.isArray(value)) return value[0] ?? null
  return value === undefined || value === '' ? null : value
}
