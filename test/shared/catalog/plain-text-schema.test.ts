import { describe, expect, it } from 'vitest'
import { plainTextSchema } from '../../../src/shared/catalog/plain-text-schema'

/* Issue 15, finding 13: what Monaco renders as Markdown (markdownDescription & co.) never comes from a file. */
describe('plainTextSchema', () => {
  it('turns Markdown descriptions into plain ones, everywhere in the tree, and drops snippets', () => {
    const schema = {
      type: 'object',
      markdownDescription: 'Top **bold**',
      properties: {
        note: { type: 'string', markdownDescription: '[click](https://phish.example)', description: 'plain wins' },
        kind: { enum: ['a', 'b'], markdownEnumDescriptions: ['**A**', '_B_'] },
        list: { type: 'array', items: { markdownDescription: 'item *x*' }, defaultSnippets: [{ label: 'x', markdownDescription: '**s**', body: {} }] }
      },
      anyOf: [{ markdownDescription: 'branch' }]
    }
    const out = plainTextSchema(schema)
    expect(JSON.stringify(out)).not.toMatch(/markdown|defaultSnippets/i)
    expect(out).toMatchObject({
      description: 'Top **bold**',
      properties: {
        note: { type: 'string', description: 'plain wins' },
        kind: { enum: ['a', 'b'], enumDescriptions: ['**A**', '_B_'] },
        list: { type: 'array', items: { description: 'item *x*' } }
      },
      anyOf: [{ description: 'branch' }]
    })
  })

  it('leaves data alone: an example or enum value named markdownDescription is data, not a keyword', () => {
    const schema = { type: 'object', example: { markdownDescription: 'x' }, enum: [{ markdownDescription: 'y' }], properties: { markdownDescription: { type: 'string' } } }
    expect(plainTextSchema(schema)).toEqual(schema)
  })

  it('does not change its input', () => {
    const schema = { markdownDescription: 'm' }
    plainTextSchema(schema)
    expect(schema).toEqual({ markdownDescription: 'm' })
  })
})
