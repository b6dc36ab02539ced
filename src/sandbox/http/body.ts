import type { IncomingMessage } from 'node:http'

/** Thrown while reading a request body; servers turn it into their own error shape. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string
  ) {
    super(message)
    this.name = 'BodyError'
  }
}

export const DEFAULT_BODY_LIMIT = 20 * 1024 * 1024

export async function readBody(req: IncomingMessage, limit = DEFAULT_BODY_LIMIT): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) {
      req.resume()
      throw new BodyError(413, `Request body is larger than ${limit} bytes`)
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

/** Parses a JSON body; an empty body gives `undefined`. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString('utf8').trim()
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new BodyError(400, `Request body is not valid JSON: ${reason}`)
  }
}

export function parseForm(body: Buffer): URLSearchParams {
  return new URLSearchParams(body.toString('utf8'))
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface MultipartPart {
  name: string
  filename: string | null
  contentType: string | null
  data: Buffer
}

/** Minimal multipart/form-data parser (RFC 7578), enough for single-file uploads. */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const boundary = match?.[1] ?? match?.[2]
  if (boundary === undefined) throw new BodyError(400, 'multipart/form-data without a boundary')
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: MultipartPart[] = []
  let position = body.indexOf(delimiter)
  if (position < 0) throw new BodyError(400, 'multipart body does not contain its boundary')
  while (position >= 0) {
    const afterDelimiter = position + delimiter.length
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') break
    const headerStart = afterDelimiter + 2
    const headerEnd = body.indexOf('\r\n\r\n', headerStart)
    if (headerEnd < 0) throw new BodyError(400, 'multipart part without a header block')
    const next = body.indexOf(delimiter, headerEnd + 4)
    if (next < 0) throw new BodyError(400, 'multipart body is not terminated')
    const headers = body.subarray(headerStart, headerEnd).toString('utf8')
    const data = body.subarray(headerEnd + 4, next - 2)
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? ''
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? ''
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null
    const partType = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]?.trim() ?? null
    parts.push({ name, filename, contentType: partType, data })
    position = next
  }
  return parts
}
