import { z } from 'zod'

export const TimingsSchema = z.object({
  /** Milliseconds; 0 when the phase did not happen (reused connection, IP literal, plain HTTP). */
  dnsMs: z.number(),
  connectMs: z.number(),
  tlsMs: z.number(),
  ttfbMs: z.number(),
  downloadMs: z.number(),
  totalMs: z.number()
})
export type Timings = z.infer<typeof TimingsSchema>

export const HeaderPairSchema = z.tuple([z.string(), z.string()])
export type HeaderPair = z.infer<typeof HeaderPairSchema>

export const RedirectHopSchema = z.object({ status: z.number(), url: z.string(), droppedCredentials: z.boolean() })

export const SendResultSchema = z.object({
  /** Handle for the body kept in a temp file in main; page it with `response:read-body`. */
  responseId: z.string(),
  status: z.number(),
  statusText: z.string(),
  httpVersion: z.string(),
  url: z.string(),
  headers: z.array(HeaderPairSchema),
  redirects: z.array(RedirectHopSchema),
  timings: TimingsSchema,
  sizes: z.object({ wireBytes: z.number(), decodedBytes: z.number(), headerBytes: z.number() }),
  contentType: z.string().nullable(),
  /** As sent by the server, even though the body was decoded. */
  contentEncoding: z.string().nullable(),
  preview: z.object({ text: z.string(), truncated: z.boolean(), binary: z.boolean() }),
  /** What went on the wire, with credentials masked. */
  requestEcho: z.object({ method: z.string(), url: z.string(), headers: z.array(HeaderPairSchema) }),
  /** Non-fatal notes for the user, e.g. "body is not valid JSON, sent as text", "TLS verification is off". */
  warnings: z.array(z.string())
})
export type SendResult = z.infer<typeof SendResultSchema>

export const BodyChunkSchema = z.object({
  text: z.string(),
  offset: z.number(),
  nextOffset: z.number(),
  totalBytes: z.number(),
  eof: z.boolean()
})
export type BodyChunk = z.infer<typeof BodyChunkSchema>
