import { randomBytes } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { Readable } from 'node:stream'
import type { MultipartPart } from '@shared/model/request'
import { AppError } from '@shared/model/errors'

type Segment = Buffer | { part: string; path: string; size: number }

/**
 * A multipart/form-data body (RFC 7578) streamed from its parts: file parts are read from disk while sending, so
 * a large upload is never held in memory. Hand-rolled rather than undici's FormData because a typed text part
 * must go out without a filename (FormData can only type a part by making it a file), and the exact length is
 * known up front so servers get Content-Length instead of a chunked upload. Re-streamable for 307/308 redirects.
 */
export class MultipartBody {
  readonly contentType: string
  private constructor(
    private readonly segments: Segment[],
    readonly boundary: string,
    readonly length: number
  ) {
    this.contentType = `multipart/form-data; boundary=${boundary}`
  }

  static async build(parts: readonly MultipartPart[]): Promise<MultipartBody> {
    const boundary = `----CloudSecFormBoundary${randomBytes(12).toString('hex')}`
    const segments: Segment[] = []
    for (const part of parts) {
      if (part.kind === 'text') {
        const type = part.contentType ? `Content-Type: ${oneLine(part.contentType)}\r\n` : ''
        segments.push(Buffer.from(`--${boundary}\r\n${disposition(part.name)}\r\n${type}\r\n${part.value}\r\n`, 'utf8'))
        continue
      }
      const size = await fileSize(part.path, part.name)
      const filename = part.filename ?? basename(part.path)
      const type = oneLine(part.contentType ?? 'application/octet-stream')
      segments.push(Buffer.from(`--${boundary}\r\n${disposition(part.name, filename)}\r\nContent-Type: ${type}\r\n\r\n`, 'utf8'))
      segments.push({ part: part.name, path: part.path, size })
      segments.push(Buffer.from('\r\n'))
    }
    segments.push(Buffer.from(`--${boundary}--\r\n`))
    const length = segments.reduce((sum, segment) => sum + (Buffer.isBuffer(segment) ? segment.length : segment.size), 0)
    return new MultipartBody(segments, boundary, length)
  }

  /** The body's own text (boundaries, part headers, text parts) without file contents: what a redirect check reads. */
  textParts(): string {
    return this.segments.map((segment) => (Buffer.isBuffer(segment) ? segment.toString('utf8') : '')).join('')
  }

  /** A fresh stream of the whole body. */
  stream(): Readable {
    return Readable.from(generate(this.segments), { objectMode: false })
  }
}

async function* generate(segments: Segment[]): AsyncGenerator<Buffer> {
  for (const segment of segments) {
    if (Buffer.isBuffer(segment)) {
      yield segment
      continue
    }
    if (segment.size === 0) continue
    let sent = 0
    try {
      for await (const chunk of createReadStream(segment.path, { start: 0, end: segment.size - 1 })) {
        sent += (chunk as Buffer).length
        yield chunk as Buffer
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error)
      throw new AppError('INVALID_BODY', `Reading the file for multipart part "${segment.part}" failed (${code}): ${segment.path}`)
    }
    if (sent !== segment.size) {
      throw new AppError('INVALID_BODY', `The file for multipart part "${segment.part}" changed while it was being sent: ${segment.path}`)
    }
  }
}

/** Quotes like browsers and undici do: ", CR and LF percent-encoded; other characters as UTF-8. */
function quote(value: string): string {
  return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`
}

function disposition(name: string, filename?: string): string {
  const file = filename === undefined ? '' : `; filename=${quote(filename)}`
  return `Content-Disposition: form-data; name=${quote(name)}${file}`
}

function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim()
}

async function fileSize(path: string, partName: string): Promise<number> {
  let info
  try {
    info = await stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('FILE_NOT_FOUND', `The file for multipart part "${partName}" was not found: ${path}`)
    }
    throw new AppError('INVALID_BODY', `The file for multipart part "${partName}" cannot be read (${code ?? String(error)}): ${path}`)
  }
  if (!info.isFile()) throw new AppError('INVALID_BODY', `Multipart part "${partName}" points to a folder or device, not a file: ${path}`)
  return info.size
}
