import { z } from 'zod'

/**
 * The parts of a Postman v2.1 collection we read, after the postman-collection SDK has normalised it
 * (`new Collection(json).toJSON()`: URLs as objects, headers as arrays). Lenient: unknown fields pass through,
 * so a collection from a newer Postman still imports.
 */
const KeyValue = z.looseObject({ key: z.string().nullish(), value: z.unknown().optional(), disabled: z.boolean().optional() })

export const PostmanAuthSchema = z.looseObject({ type: z.string() })
export type PostmanAuthJson = z.infer<typeof PostmanAuthSchema>

const Description = z.union([z.string(), z.looseObject({ content: z.string().optional() })]).nullish()

const FormParam = z.looseObject({
  key: z.string().nullish(),
  value: z.unknown().optional(),
  src: z.unknown().optional(),
  type: z.string().optional(),
  contentType: z.string().optional(),
  disabled: z.boolean().optional()
})

export const PostmanBodySchema = z.looseObject({
  mode: z.string().optional(),
  raw: z.string().optional(),
  urlencoded: z.array(KeyValue).optional(),
  formdata: z.array(FormParam).optional(),
  graphql: z.looseObject({ query: z.string().optional(), variables: z.unknown().optional() }).optional(),
  options: z.looseObject({ raw: z.looseObject({ language: z.string().optional() }).optional() }).optional(),
  disabled: z.boolean().optional()
})
export type PostmanBody = z.infer<typeof PostmanBodySchema>

export const PostmanUrlSchema = z.looseObject({ query: z.array(KeyValue).optional() })

export const PostmanRequestSchema = z.looseObject({
  method: z.string().optional(),
  url: z.union([z.string(), PostmanUrlSchema]).optional(),
  header: z.array(KeyValue).optional(),
  body: PostmanBodySchema.nullish(),
  auth: PostmanAuthSchema.nullish(),
  description: Description
})
export type PostmanRequest = z.infer<typeof PostmanRequestSchema>

export interface PostmanItem {
  name?: string | null
  description?: z.infer<typeof Description>
  item?: PostmanItem[]
  request?: PostmanRequest | string
  auth?: PostmanAuthJson | null
  event?: unknown[]
}

export const PostmanItemSchema: z.ZodType<PostmanItem> = z.lazy(() =>
  z.looseObject({
    name: z.string().nullish(),
    description: Description,
    item: z.array(PostmanItemSchema).optional(),
    request: z.union([z.string(), PostmanRequestSchema]).optional(),
    auth: PostmanAuthSchema.nullish(),
    event: z.array(z.unknown()).optional()
  })
)

export const PostmanCollectionSchema = z.looseObject({
  info: z.looseObject({ name: z.string().optional(), schema: z.string().optional() }),
  item: z.array(PostmanItemSchema).default([]),
  auth: PostmanAuthSchema.nullish(),
  variable: z.array(KeyValue).optional(),
  event: z.array(z.unknown()).optional()
})
export type PostmanCollectionJson = z.infer<typeof PostmanCollectionSchema>

export function descriptionText(description: z.infer<typeof Description>): string {
  if (typeof description === 'string') return description
  return description?.content ?? ''
}

export function authParams(auth: PostmanAuthJson): Array<{ key: string; value: unknown }> {
  const list = (auth as Record<string, unknown>)[auth.type]
  if (!Array.isArray(list)) return []
  return list
    .filter((entry): entry is { key: unknown; value?: unknown } => typeof entry === 'object' && entry !== null && 'key' in entry)
    .map((entry) => ({ key: String(entry.key), value: entry.value }))
}

export function asText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
