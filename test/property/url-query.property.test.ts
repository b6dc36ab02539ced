import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseQuery, renderQuery, splitUrl, withQuery } from '../../src/shared/model/url-query'

// The URL bar's query string and the Params rows (src/shared/model/url-query.ts) on thousands of inputs.

const name = fc.stringMatching(/^[A-Za-z_][\w.-]{0,8}$/)
/** Text with the characters that matter to a query string, templates and any Unicode. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('&', '=', '#', '?', '+', '%', '%20', '%zz', ' ', '{{', '}}', '/', '\t', '€'),
  name.map((variable) => `{{${variable}}}`),
  name.map((variable) => `{{ ${variable} }}`)
)
const text = fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(''))
const pair = fc.record({ name: text, value: text })

describe('parseQuery / renderQuery (property)', () => {
  it('parse(render(pairs)) gives the pairs back (the empty pair is never written)', () => {
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 6 }), (pairs) => {
        const kept = pairs.filter((p) => p.name !== '' || p.value !== '')
        expect(parseQuery(renderQuery(pairs))).toEqual(kept)
      }),
      { numRuns: 3000 }
    )
  })

  it('the rendered query never opens a fragment and is read back the same inside any URL', () => {
    fc.assert(
      fc.property(text, fc.array(pair, { maxLength: 4 }), fc.option(text), (path, pairs, fragment) => {
        const base = `/p${path.replace(/[?#]/g, '')}`
        const url = withQuery(fragment === null ? base : `${base}#${fragment}`, pairs)
        const parts = splitUrl(url)
        expect(parts.base).toBe(base)
        expect(parts.fragment).toBe(fragment)
        expect(parseQuery(parts.query ?? '')).toEqual(pairs.filter((p) => p.name !== '' || p.value !== ''))
      }),
      { numRuns: 2000 }
    )
  })
})
