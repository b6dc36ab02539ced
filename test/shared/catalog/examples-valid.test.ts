import { describe, expect, it } from 'vitest'
import { loadCatalog } from '@shared/catalog/load-catalog'
import { builtinDocs } from './builtin-docs'
import { examplesOf, makeAjv, validateExamples } from './example-validator'

describe.each(builtinDocs().map((d) => [d.file, d] as const))('examples in %s', (_file, entry) => {
  const ops = loadCatalog(entry.doc)

  it('validate against their schemas (ajv, JSON Schema 2020-12)', () => {
    const ajv = makeAjv()
    const cases = ops.flatMap(examplesOf)
    expect(cases.length).toBeGreaterThan(ops.length)
    expect(validateExamples(ajv, cases)).toEqual([])
  })

  it('show an example for every response that declares a body', () => {
    const missing = ops.flatMap((op) => op.responses.filter((r) => r.schema && r.examples.length === 0).map((r) => `${op.id} ${r.status}`))
    expect(missing).toEqual([])
  })

  it('have a success response per operation, and say so where the reference does not describe its body', () => {
    for (const op of ops) {
      const success = op.responses.filter((r) => r.status.startsWith('2'))
      expect(success.length, op.id).toBeGreaterThan(0)
      for (const r of success) {
        if (r.schema === null) expect(r.description, `${op.id} ${r.status}`).toMatch(/not described|empty body|no body/i)
      }
    }
  })
})

describe('the example check itself', () => {
  it('reports an example that does not match its schema', () => {
    const failures = validateExamples(makeAjv(), [
      { where: 'case', schema: { type: 'object', properties: { ok: { type: 'integer', enum: [0, 1] } }, required: ['ok'] }, value: { ok: 2 } }
    ])
    expect(failures).toHaveLength(1)
    expect(failures[0]).toContain('case')
  })
})
