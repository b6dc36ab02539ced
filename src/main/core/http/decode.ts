import type { Transform } from 'node:stream'
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib'
import { AppError } from '@shared/model/errors'

export interface DecoderPlan {
  /** Codings to undo, in the order they must be undone (the reverse of the header's order). */
  codings: ('gzip' | 'deflate' | 'br')[]
  /** Codings we cannot undo; the body is then kept as received and the user is told. */
  unsupported: string | null
}

/** Reads Content-Encoding ("gzip", "br", "deflate, gzip", "identity" ...). */
export function planDecoding(contentEncoding: string | null): DecoderPlan {
  if (contentEncoding === null) return { codings: [], unsupported: null }
  const tokens = contentEncoding
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '' && token !== 'identity')
  const codings: DecoderPlan['codings'] = []
  for (const token of tokens.reverse()) {
    if (token === 'gzip' || token === 'x-gzip') codings.push('gzip')
    else if (token === 'deflate') codings.push('deflate')
    else if (token === 'br') codings.push('br')
    else return { codings: [], unsupported: token }
  }
  return { codings, unsupported: null }
}

/**
 * zlib decoders for the plan. "deflate" is meant to be zlib-wrapped (RFC 9110) but some servers send raw
 * deflate; the first received byte tells which (a zlib header has 8 as its low nibble).
 */
export function createDecoders(plan: DecoderPlan, firstByte: number | undefined): Transform[] {
  // Z_FINISH (the default) makes a truncated stream an error instead of silently shorter output.
  // 256 KiB output pieces: a 10 MB gzip page in 64 KiB pieces took ~190 thread-pool round trips and stream pushes.
  const options = { chunkSize: 256 * 1024 }
  return plan.codings.map((coding, index) => {
    if (coding === 'gzip') return createGunzip(options)
    if (coding === 'br') return createBrotliDecompress(options)
    const raw = index === 0 && firstByte !== undefined && (firstByte & 0x0f) !== 8
    return raw ? createInflateRaw(options) : createInflate(options)
  })
}

/** zlib errors (corrupt or truncated data) become DECODE_ERROR naming the coding. */
export function decodeError(error: Error, contentEncoding: string): AppError {
  const code = (error as NodeJS.ErrnoException).code ?? ''
  const truncated = code === 'Z_BUF_ERROR' || /unexpected end/i.test(error.message)
  return new AppError(
    'DECODE_ERROR',
    truncated
      ? `The response body (Content-Encoding: ${contentEncoding}) ended before the compressed data was complete; it is truncated.`
      : `The response body could not be decoded as ${contentEncoding}: ${error.message}${code ? ` (${code})` : ''}.`,
    'The server sent corrupt compressed data. Try again, or send "Accept-Encoding: identity" to get it uncompressed.'
  )
}
