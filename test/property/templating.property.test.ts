import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinBaseUrl, listPlaceholders, renderTemplate, type TemplateProblem } from '../../src/shared/templating/template'
import { resolveRequest } from '../../src/main/core/resolve-request'
import { RequestSpecSchema } from '../../src/shared/model/request'
import { AppError } from '../../src/shared/model/errors'
import { nasty, returnsOrAppError } from './arbitraries'
import { arbitraryFor } from './zod-arbitrary'

// `{{variable}}` templating (src/shared/templating/template.ts) and its use at send time (resolve-request.ts).

const name = fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/)
/** Literal text between placeholders: anything that does not itself open a placeholder. */
const literal = nasty(15).filter((text) => !text.includes('{{'))
/** A template as alternating literals and placeholder names, e.g. ["a/", "host", "/x"]. */
const template = fc.array(fc.tuple(literal, name), { maxLength: 5 }).chain((pairs) => literal.map((tail) => ({ pairs, tail })))
const spaced = (variable: string, pad: string): string => `{{${pad}${variable}${pad}}}`

describe('renderTemplate (property)', () => {
  it('text without "{{" comes back unchanged and reports nothing', () => {
    fc.assert(
      fc.property(nasty(40), (text) => {
        fc.pre(!text.includes('{{'))
        const problems: TemplateProblem[] = []
        expect(renderTemplate(text, new Map([['a', 'b']]), 'URL', problems)).toBe(text)
        expect(problems).toEqual([])
      }),
      { numRuns: 2000 }
    )
  })

  it('replaces each defined placeholder once (values are not expanded again) and reports each missing one', () => {
    fc.assert(
      fc.property(template, fc.dictionary(name, nasty(10), { maxKeys: 4 }), fc.constantFrom('', ' ', '  '), ({ pairs, tail }, values, pad) => {
        const lookup = new Map(Object.entries(values))
        const text = pairs.map(([lit, variable]) => lit + spaced(variable, pad)).join('') + tail
        const problems: TemplateProblem[] = []
        const rendered = renderTemplate(text, lookup, 'header "X"', problems)
        const expected = pairs.map(([lit, variable]) => lit + (lookup.get(variable) ?? spaced(variable, pad))).join('') + tail
        expect(rendered).toBe(expected)
        expect(problems).toEqual(pairs.filter(([, v]) => !lookup.has(v)).map(([, v]) => ({ variable: v, where: 'header "X"' })))
        expect(listPlaceholders(text)).toEqual(pairs.map(([, v]) => v))
      }),
      { numRuns: 3000 }
    )
  })
})

describe('joinBaseUrl (property)', () => {
  const base = fc.webUrl({ validSchemes: ['https'] }).chain((url) => fc.nat(3).map((n) => url.replace(/\/+$/, '') + '/'.repeat(n)))
  it('joins a path with exactly one slash; absolute URLs and relative words are left alone', () => {
    fc.assert(
      fc.property(base, fc.webPath(), fc.webUrl(), (baseUrl, path, absolute) => {
        const joined = joinBaseUrl(baseUrl, `/${path.replace(/^\/+/, '')}`)
        expect(joined).toBe(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`)
        expect(joinBaseUrl(baseUrl, absolute)).toBe(absolute)
        expect(joinBaseUrl('', `/${path}`)).toBe(`/${path}`)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('resolveRequest (property)', () => {
  it('any request spec resolves or is refused with every unknown variable named', () => {
    const environment = fc.record({ id: fc.constant('e1'), name: fc.constant('Env'), baseUrl: fc.constant('https://h.example'), variables: fc.array(fc.record({ name, value: nasty(8), enabled: fc.boolean() }), { maxLength: 3 }) })
    fc.assert(
      fc.property(arbitraryFor(RequestSpecSchema), fc.option(environment, { nil: null }), (raw, env) => {
        const spec = RequestSpecSchema.parse(raw)
        const result = returnsOrAppError(() => resolveRequest(spec, env as never), ['INVALID_INPUT'])
        if (result instanceof AppError) expect(result.message).toMatch(/^Unknown variables?: \{\{/)
      }),
      { numRuns: 1500 }
    )
  })
})
