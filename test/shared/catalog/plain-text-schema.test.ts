import { describe, expect, it } from 'vitest'
import { markdownLiteral, plainTextSchema } from '../../../src/shared/catalog/plain-text-schema'

/* Every text Monaco renders from a schema is Markdown that shows the file's text literally. */
describe('plainTextSchema', () => {
  it('turns every description into escaped Markdown, everywhere in the tree, and drops snippets', () => {
    const schema = {
      type: 'object',
      title: 'Note',
      markdownDescription: 'Top **bold**',
      properties: {
        note: { type: 'string', markdownDescription: '[click](https://phish.example)', description: 'plain wins, see www.phish.example' },
        kind: { enum: ['a', 'b'], markdownEnumDescriptions: ['**A**', '_B_'] },
        list: { type: 'array', items: { description: 'item *x*' }, defaultSnippets: [{ label: 'x', markdownDescription: '**s**', body: {} }] }
      },
      anyOf: [{ description: '<img src=x onerror=alert(1)>' }]
    }
    const out = plainTextSchema(schema)
    expect(JSON.stringify(out)).not.toMatch(/"(description|title|enumDescriptions|defaultSnippets)"/)
    expect(out).toMatchObject({
      markdownDescription: 'Note\n\nTop \\*\\*bold\\*\\*',
      properties: {
        note: { type: 'string', markdownDescription: 'plain wins\\, see www\\.phish\\.example' },
        kind: { enum: ['a', 'b'], markdownEnumDescriptions: ['\\*\\*A\\*\\*', '\\_B\\_'] },
        list: { type: 'array', items: { markdownDescription: 'item \\*x\\*' } }
      },
      anyOf: [{ markdownDescription: '\\<img src\\=x onerror\\=alert\\(1\\)\\>' }]
    })
  })

  it('escapes what would make a link, an autolink or emphasis, and keeps line breaks as paragraphs', () => {
    expect(markdownLiteral('https://a.example/x?y=1')).toBe('https\\:\\/\\/a\\.example\\/x\\?y\\=1')
    expect(markdownLiteral('me@phish.example')).toBe('me\\@phish\\.example')
    expect(markdownLiteral('one\ntwo')).toBe('one\n\ntwo')
    expect(markdownLiteral('déjà vu')).toBe('déjà vu')
  })

  it('leaves data alone: an example, enum value or property named like a keyword is data', () => {
    const schema = { type: 'object', example: { markdownDescription: 'x' }, enum: [{ description: 'y' }], properties: { description: { type: 'string' } } }
    expect(plainTextSchema(schema)).toEqual(schema)
  })

  it('does not change its input', () => {
    const schema = { markdownDescription: 'm' }
    plainTextSchema(schema)
    expect(schema).toEqual({ markdownDescription: 'm' })
  })
})
