import type { Recorded } from './echo-server'

/**
 * A recorded request reduced to what a snippet must reproduce: method, raw path, query (parsed, sorted: the order
 * may differ), the headers that matter, and the body parsed by its content type (JSON parsed, form fields in order,
 * multipart as parts). Bodies of other types are compared as exact bytes.
 */
export interface Normalized {
  method: string
  path: string
  query: [string, string][]
  headers: Record<string, string>
  body: unknown
}

/** Headers compared on every request, besides the ones a case sets by hand (Accept: all three send a default). */
export const COMPARED_HEADERS = ['content-type', 'accept', 'netskope-api-token', 'authorization', 'api-key', 'x-auth-token']

export function normalize(record: Recorded, extraHeaders: readonly string[]): Normalized {
  const headers: Record<string, string> = {}
  for (const name of new Set([...COMPARED_HEADERS, ...extraHeaders.map((header) => header.toLowerCase())])) {
    const values = record.headers[name]
    if (values === undefined) continue
    const joined = values.join(', ')
    headers[name] = name === 'content-type' ? joined.replace(/;\s*boundary=[^;]*/i, '') : joined
  }
  const query = [...new URLSearchParams(record.rawQuery)].sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1))
  return { method: record.method, path: record.path, query, headers, body: parseBody(record) }
}

function parseBody(record: Recorded): unknown {
  if (record.body.length === 0) return null
  const type = (record.headers['content-type'] ?? [''])[0] ?? ''
  if (/^multipart\/form-data/i.test(type)) {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(type)?.[2]
    if (!boundary) return { unparsable: 'multipart without boundary', text: record.body.toString('latin1') }
    return { multipart: parseMultipart(record.body, boundary) }
  }
  const text = record.body.toString('utf8')
  if (/^application\/x-www-form-urlencoded/i.test(type)) return { form: [...new URLSearchParams(text)] }
  if (/json/i.test(type)) {
    try {
      return { json: JSON.parse(text) as unknown }
    } catch {
      return { text }
    }
  }
  return { bytes: record.body.toString('base64') }
}

export interface Part {
  name: string | null
  filename: string | null
  contentType: string | null
  data: string
}

/** RFC 7578 body split into parts; data as base64 so binary content compares exactly. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: Part[] = []
  let at = body.indexOf(delimiter)
  while (at !== -1) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next === -1) break
    // Each part: CRLF, headers, CRLF CRLF, data, CRLF before the next delimiter.
    const chunk = body.subarray(start + 2, next - 2)
    const split = chunk.indexOf('\r\n\r\n')
    const head = chunk.subarray(0, split).toString('latin1')
    const data = chunk.subarray(split + 4)
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? ''
    parts.push({
      name: param(disposition, 'name'),
      filename: param(disposition, 'filename'),
      contentType: /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim() ?? null,
      data: data.toString('base64')
    })
    at = next
  }
  return parts
}

/** A quoted Content-Disposition parameter, with the %22/%0A/%0D escapes browsers, undici, curl and urllib3 use. */
function param(disposition: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(disposition)
  if (!match) return null
  return (match[1] ?? '').replace(/\\(.)/g, '$1').replace(/%22/g, '"').replace(/%0A/gi, '\n').replace(/%0D/gi, '\r')
}
