import { createRequire } from 'node:module'
import Ajv, { type AnySchemaObject } from 'ajv'

// JSON loaded through require: vitest and Playwright's ESM loader differ on JSON imports (import attributes).
const load = createRequire(import.meta.url)
const draft06 = load('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject
/** har-schema: one JSON Schema per HAR 1.2 object, by name (the schemas behind har-validator). */
const harSchemas = load('har-schema') as Record<string, AnySchemaObject>

/** The HAR 1.2 JSON Schema compiled with ajv: valid, or why not. */
export function harValidator(): (data: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addMetaSchema(draft06)
  for (const schema of Object.values(harSchemas)) ajv.addSchema(schema)
  const validate = ajv.getSchema('har.json#')
  if (!validate) throw new Error('har-schema has no har.json')
  return (data) => ({ valid: validate(data) === true, errors: ajv.errorsText(validate.errors) })
}
