import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildUrl, validateHeaders, validateMethod } from '../../src/main/core/http/validate'
import { AppError } from '../../src/shared/model/errors'
import { anyUtf16, headerName, headerValue, nasty, returnsOrAppError, row, TOKEN_CHARS } from './arbitraries'

// URL/query building and header/method validation (src/main/core/http/validate.ts), on thousands of inputs.

const webUrl = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true })
/** Well-formed Unicode (URLSearchParams turns lone surrogates into U+FFFD, so they cannot round-trip). */
const text = fc.string({ unit: 'binary', maxLength: 20 })

describe('buildUrl (property)', () => {
  it('any text either becomes an http(s) URL with a host or is refused with a readable URL error', () => {
    fc.assert(
      fc.property(fc.oneof(nasty(60), anyUtf16(60), webUrl, webUrl.map((url) => url + '\u0000 x')), fc.array(row(nasty(), nasty()), { maxLength: 3 }), (raw, query) => {
        const result = returnsOrAppError(() => buildUrl(raw, query), ['INVALID_URL', 'UNSUPPORTED_SCHEME'])
        if (result instanceof AppError) return
        expect(['http:', 'https:']).toContain(result.protocol)
        expect(result.hostname).not.toBe('')
      }),
      { numRuns: 3000 }
    )
  })

  it('appends exactly the enabled query rows, in order, after the query already in the URL', () => {
    fc.assert(
      fc.property(webUrl, fc.array(row(text, text), { maxLength: 6 }), (raw, rows) => {
        const before = [...new URL(raw).searchParams]
        const url = buildUrl(raw, rows)
        const expected = rows.filter((r) => r.enabled && !(r.name === '' && r.value === '')).map((r) => [r.name, r.value])
        expect([...url.searchParams]).toEqual([...before, ...expected])
        expect(url.hash).toBe(new URL(raw).hash)
      }),
      { numRuns: 2000 }
    )
  })
})

describe('validateMethod (property)', () => {
  it('returns a token (well-known methods upper-cased) or refuses with the offending character named', () => {
    fc.assert(
      fc.property(fc.oneof(nasty(12), fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 10 })), (method) => {
        const result = returnsOrAppError(() => validateMethod(method), ['INVALID_INPUT'])
        if (result instanceof AppError) return
        expect(result).toMatch(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/)
        expect(result.toUpperCase()).toBe(method.trim().toUpperCase())
      }),
      { numRuns: 2000 }
    )
  })
})

describe('validateHeaders (property)', () => {
  it('hostile rows are accepted only when the HTTP stack accepts them too; refusals name the row', () => {
    fc.assert(
      fc.property(fc.array(row(fc.oneof(nasty(12), headerName), fc.oneof(nasty(20), anyUtf16(20), headerValue)), { maxLength: 4 }), (rows) => {
        const result = returnsOrAppError(() => validateHeaders(rows), ['INVALID_HEADER'])
        if (result instanceof AppError) {
          expect(result.message).toMatch(/header row \d+/)
          return
        }
        // undici's own field validation (the client the engine uses) is the oracle.
        expect(() => new Headers(result)).not.toThrow()
      }),
      { numRuns: 3000 }
    )
  })

  it('valid rows pass with trimmed names and values, disabled and empty rows dropped', () => {
    fc.assert(
      fc.property(fc.array(row(headerName, headerValue), { maxLength: 6 }), (rows) => {
        const expected = rows.filter((r) => r.enabled).map((r) => [r.name, r.value.trim()])
        expect(validateHeaders(rows)).toEqual(expected)
      }),
      { numRuns: 2000 }
    )
  })
})
