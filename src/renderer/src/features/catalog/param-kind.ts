import type { CatalogParameter, JsonSchemaObject, JsonValue } from '@shared/catalog/types'
import { VENDOR_LISTS } from '@shared/vendors/registry'
import type { ParamRule, ScalarType } from '../request-editor/param-rules'

/** Which input a parameter gets in the operation form (ParamField.tsx). */
export type ParamKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'epoch' | 'array'

function isSchema(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function scalar(type: unknown): ScalarType | null {
  return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' ? type : null
}

function text(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Everything a schema says in words: the parameter's description and its (union branches') descriptions. */
function wording(p: CatalogParameter): string {
  const branches = [...(Array.isArray(p.schema.anyOf) ? p.schema.anyOf : []), ...(Array.isArray(p.schema.oneOf) ? p.schema.oneOf : [])]
  const texts = [p.description, p.schema.description, ...branches.map((b) => (isSchema(b) ? b.description : undefined))]
  return texts.filter((t) => typeof t === 'string').join(' ')
}

/** Epoch timestamps are integers described as such ("epoch seconds", "Unix time in milliseconds"). */
export function epochUnit(p: CatalogParameter): 'seconds' | 'milliseconds' | null {
  const words = wording(p)
  if (!/\bepoch|unix time/i.test(words)) return null
  return /milli/i.test(words) ? 'milliseconds' : 'seconds'
}

/** The rule a send is checked against (request-editor/param-rules.ts), from the parameter's schema. */
export function ruleFor(p: CatalogParameter): ParamRule {
  const schema = p.schema
  const where = p.in === 'cookie' ? 'header' : p.in
  const rule: ParamRule = { name: p.name, in: where, required: p.in === 'path' || p.required, type: scalar(schema.type) ?? 'string' }
  if (schema.type === 'array') {
    rule.type = 'array'
    const items = isSchema(schema.items) ? schema.items : {}
    rule.items = scalar(items.type) ?? 'string'
    if (Array.isArray(items.enum)) rule.enum = items.enum.map(text)
  }
  // Only a schema's own enum is a closed set; a union's branch enums are suggestions (CatalogParameter.enum).
  if (Array.isArray(schema.enum)) rule.enum = schema.enum.map(text)
  if (typeof schema.minimum === 'number') rule.minimum = schema.minimum
  if (typeof schema.maximum === 'number') rule.maximum = schema.maximum
  return rule
}

export function paramKind(p: CatalogParameter): ParamKind {
  const rule = ruleFor(p)
  if (rule.type === 'array') return 'array'
  if (rule.enum) return 'enum'
  if (rule.type === 'integer' && epochUnit(p)) return 'epoch'
  if (rule.type === 'integer' || rule.type === 'number' || rule.type === 'boolean') return rule.type
  return 'text'
}

const CREDENTIAL_PARAMS = new Set(VENDOR_LISTS.credentialParams.map((name) => name.toLowerCase()))
const CREDENTIAL_HEADERS = new Set(VENDOR_LISTS.credentialHeaders.map((name) => name.toLowerCase()))

/**
 * A credential the environment's auth adds in main (a vendor definition's credentialParams / credentialHeaders):
 * never a form field, never filled from an example such as `token=YOUR_V1_TOKEN`.
 */
export function isCredential(name: string, where: 'query' | 'header' | 'path' | 'cookie' | 'body'): boolean {
  const lower = name.toLowerCase()
  return where === 'header' ? CREDENTIAL_HEADERS.has(lower) : CREDENTIAL_PARAMS.has(lower)
}
