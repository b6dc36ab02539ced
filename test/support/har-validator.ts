import Ajv from 'ajv'
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json'
import harSchemas from 'har-schema'

/** The HAR 1.2 JSON Schema (har-schema, the schema behind har-validator) compiled with ajv: valid, or why not. */
export function harValidator(): (data: unknown) => { valid: boolean; errors: string } {
  const ajv = new Ajv({ strict: false, allErrors: true })
  ajv.addMetaSchema(draft06)
  for (const schema of Object.values(harSchemas)) ajv.addSchema(schema)
  const validate = ajv.getSchema('har.json#')
  if (!validate) throw new Error('har-schema has no har.json')
  return (data) => ({ valid: validate(data) === true, errors: ajv.errorsText(validate.errors) })
}
