/** HS256 JWTs (what CE issues from /api/auth), with node:crypto only. */
import { createHmac, timingSafeEqual } from 'node:crypto'

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url')

export function signJwt(payload: Record<string, unknown>, secret: Buffer): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify(payload))
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${signature}`
}

/** The payload of a well-formed, correctly signed, unexpired token; null otherwise. */
export function verifyJwt(token: string, secret: Buffer, nowSec: number): Record<string, unknown> | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [head = '', body = '', signature = ''] = parts
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown }
    if (header.alg !== 'HS256') return null
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
    const exp = payload['exp']
    if (typeof exp !== 'number' || exp <= nowSec) return null
    return payload
  } catch {
    return null
  }
}
