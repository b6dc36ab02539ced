import { z } from 'zod'
import { CatalogBadgeSchema, CatalogExtensionsSchema } from './extensions'
import { VENDOR_LISTS, type VendorId } from '../vendors/registry'

/** 'generic': an imported document that describes none of the vendor APIs (a user's own service). */
export const CATALOG_APIS = [...VENDOR_LISTS.ids, 'generic'] as unknown as readonly [VendorId | 'generic', ...(VendorId | 'generic')[]]
export const CatalogApiSchema = z.enum(CATALOG_APIS)
export type CatalogApi = z.infer<typeof CatalogApiSchema>

export const PARAMETER_LOCATIONS = ['path', 'query', 'header', 'cookie'] as const

/** A JSON Schema object (2020-12 dialect, as OpenAPI 3.1 uses), with every local $ref already inlined. */
export const JsonSchemaObjectSchema = z.record(z.string(), z.json())
export type JsonSchemaObject = z.infer<typeof JsonSchemaObjectSchema>
export type JsonValue = z.infer<ReturnType<typeof z.json>>

export const CatalogExampleSchema = z.object({
  name: z.string(),
  summary: z.string().optional(),
  value: z.json()
})
export type CatalogExample = z.infer<typeof CatalogExampleSchema>

export const CatalogParameterSchema = z.object({
  name: z.string().min(1),
  in: z.enum(PARAMETER_LOCATIONS),
  required: z.boolean(),
  description: z.string(),
  schema: JsonSchemaObjectSchema,
  example: z.json().optional(),
  default: z.json().optional(),
  /** Allowed values; for a union schema (anyOf/oneOf) the enums of its branches, as suggestions. */
  enum: z.array(z.json()).optional(),
  /** OpenAPI `explode` as written (absent: the style's default, true for query arrays in form style). */
  explode: z.boolean().optional(),
  deprecated: z.boolean()
})
export type CatalogParameter = z.infer<typeof CatalogParameterSchema>

export const CatalogRequestBodySchema = z.object({
  /** The media type shown first: application/json when offered, else the first one listed. */
  contentType: z.string(),
  /** Every media type the operation accepts (contentType included). */
  contentTypes: z.array(z.string()),
  required: z.boolean(),
  description: z.string(),
  schema: JsonSchemaObjectSchema,
  examples: z.array(CatalogExampleSchema)
})
export type CatalogRequestBody = z.infer<typeof CatalogRequestBodySchema>

export const CatalogResponseSchema = z.object({
  /** "200", "4XX" or "default", as written in the document. */
  status: z.string(),
  description: z.string(),
  contentType: z.string().nullable(),
  schema: JsonSchemaObjectSchema.nullable(),
  examples: z.array(CatalogExampleSchema)
})
export type CatalogResponse = z.infer<typeof CatalogResponseSchema>

export const CatalogOperationSchema = z.object({
  /** Unique within all catalogs: `<api>:<operationId>` (or `<api>:<METHOD> <path>` without an operationId). */
  id: z.string().min(1),
  api: CatalogApiSchema,
  operationId: z.string().nullable(),
  method: z.string().min(1),
  /** The path template as written, e.g. /api/v2/policy/urllist/{id}. */
  path: z.string().startsWith('/'),
  summary: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  deprecated: z.boolean(),
  parameters: z.array(CatalogParameterSchema),
  requestBody: CatalogRequestBodySchema.nullable(),
  responses: z.array(CatalogResponseSchema),
  extensions: CatalogExtensionsSchema,
  badges: z.array(CatalogBadgeSchema),
  /** Names of the security schemes that may authorize the call (any one suffices); [] = no auth. */
  security: z.array(z.string())
})
export type CatalogOperation = z.infer<typeof CatalogOperationSchema>
