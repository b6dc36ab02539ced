import { z } from 'zod'

/** A name/value row as edited in the UI (query params, headers, form fields). Disabled rows are kept but not sent. */
export const KeyValueSchema = z.object({
  name: z.string().max(8192),
  value: z.string().max(1_000_000),
  enabled: z.boolean().default(true)
})
export type KeyValue = z.infer<typeof KeyValueSchema>

export const MultipartPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), name: z.string().min(1), value: z.string(), contentType: z.string().optional() }),
  z.object({
    kind: z.literal('file'),
    name: z.string().min(1),
    /** Absolute path chosen by the user through the main-process file dialog; read by main at send time. */
    path: z.string().min(1),
    filename: z.string().optional(),
    contentType: z.string().optional()
  })
])
export type MultipartPart = z.infer<typeof MultipartPartSchema>

export const RequestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('json'), text: z.string() }),
  z.object({ kind: z.literal('text'), text: z.string(), contentType: z.string().optional() }),
  z.object({ kind: z.literal('form'), fields: z.array(KeyValueSchema) }),
  z.object({ kind: z.literal('multipart'), parts: z.array(MultipartPartSchema) })
])
export type RequestBody = z.infer<typeof RequestBodySchema>
export type BodyKind = RequestBody['kind']

/** What the user asked for. Values may hold {{variables}}; main resolves them at send time. */
export const RequestSpecSchema = z.object({
  method: z.string().min(1).max(32),
  url: z.string().max(65_536),
  query: z.array(KeyValueSchema).default([]),
  headers: z.array(KeyValueSchema).default([]),
  body: RequestBodySchema.default({ kind: 'none' })
})
export type RequestSpec = z.infer<typeof RequestSpecSchema>

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const

export function emptyRequest(): RequestSpec {
  return { method: 'GET', url: '', query: [], headers: [], body: { kind: 'none' } }
}
