import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import type { CatalogOperation, JsonSchemaObject } from '@shared/catalog/types'

/**
 * ajv 8 with the 2020-12 dialect (what OpenAPI 3.1 schemas are). OpenAPI adds a few keywords and formats
 * that plain JSON Schema does not know; they are registered so strict mode still catches real typos.
 */
export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true })
  addFormats(ajv)
  ajv.addVocabulary(['discriminator', 'xml', 'externalDocs', 'example'])
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) })
  ajv.addFormat('binary', true)
  ajv.addFormat('password', true)
  return ajv
}

export interface ExampleCase {
  where: string
  schema: JsonSchemaObject
  value: unknown
}

/** Every example the catalog shows: parameter examples, request body examples and response examples. */
export function examplesOf(op: CatalogOperation): ExampleCase[] {
  const cases: ExampleCase[] = []
  for (const p of op.parameters) {
    if (p.example !== undefined) cases.push({ where: `${op.id} param ${p.in}:${p.name}`, schema: p.schema, value: p.example })
  }
  for (const ex of op.requestBody?.examples ?? []) {
    if (op.requestBody) cases.push({ where: `${op.id} requestBody ${ex.name}`, schema: op.requestBody.schema, value: ex.value })
  }
  for (const res of op.responses) {
    for (const ex of res.examples) {
      if (res.schema) cases.push({ where: `${op.id} response ${res.status} ${ex.name}`, schema: res.schema, value: ex.value })
    }
  }
  return cases
}

/** Returns one line per failing example ("where: ajv errors"), empty when all pass. */
export function validateExamples(ajv: Ajv2020, cases: ExampleCase[]): string[] {
  const failures: string[] = []
  for (const c of cases) {
    const check = ajv.compile(c.schema)
    if (!check(c.value)) failures.push(`${c.where}: ${ajv.errorsText(check.errors)}`)
  }
  return failures
}
