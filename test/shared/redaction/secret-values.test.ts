import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/model/errors'
import { containsSecretValue, maskErrorSecrets, maskSecretValues, secretForms } from '@shared/redaction/secret-values'

const SECRET = 'p@ss word/+=&long-enough-1234'

describe('secret values in every form', () => {
  it.each([
    ['raw', SECRET],
    ['percent-encoded', encodeURIComponent(SECRET)],
    ['form-encoded', encodeURIComponent(SECRET).replace(/%20/g, '+')],
    ['JSON-escaped', JSON.stringify(SECRET).slice(1, -1)],
    ['base64', Buffer.from(SECRET).toString('base64')]
  ])('masks the %s form', (_form, text) => {
    const masked = maskSecretValues(`before ${text} after`, [SECRET])
    expect(masked).toBe('before ••••1234 after')
    expect(containsSecretValue(masked, [SECRET])).toBe(false)
    expect(containsSecretValue(`x${text}x`, [SECRET])).toBe(true)
  })

  it('masks a Basic header built from user:secret', () => {
    const basic = Buffer.from(`alice:${SECRET}`).toString('base64')
    expect(maskSecretValues(`Basic ${basic}`, [`alice:${SECRET}`])).toBe('Basic ••••1234')
  })

  it('leaves short values and other text alone', () => {
    expect(secretForms('abc')).toEqual([])
    expect(maskSecretValues('abc def', ['abc'])).toBe('abc def')
    expect(maskSecretValues('nothing here', [SECRET])).toBe('nothing here')
  })

  it('masks non-ASCII values in UTF-8 base64', () => {
    const value = 'clé-secrète-ümlaut'
    expect(maskSecretValues(Buffer.from(value).toString('base64'), [value])).toBe('••••laut')
  })
})

describe('secret values as URLs and forms carry them', () => {
  const value = "sec~ret!value 'quoted' (x) {y} é"

  it.each([
    ['a form body or query row (URLSearchParams)', new URLSearchParams([['k', value]]).toString()],
    ['a URL path typed with the value', new URL(`http://h/${value}`).pathname],
    ['a URL query typed with the value', new URL(`http://h/p?k=${value}`).search]
  ])('masks %s', (_where, text) => {
    expect(containsSecretValue(text, [value])).toBe(true)
    expect(containsSecretValue(maskSecretValues(text, [value]), [value])).toBe(false)
  })

  it('keeps the raw forms of a value with a lone surrogate', () => {
    const odd = 'abc\ud800defgh'
    expect(maskSecretValues(`x${odd}x`, [odd])).toBe('x••••x')
  })
})

describe('errors with secret values', () => {
  it('masks message and hint of an AppError, keeping its code', () => {
    const masked = maskErrorSecrets(new AppError('DNS_FAILURE', `host ${SECRET}.invalid`, `check ${encodeURIComponent(SECRET)}`), [SECRET])
    expect(masked).toBeInstanceOf(AppError)
    expect((masked as AppError).toJSON()).toEqual({ code: 'DNS_FAILURE', message: 'host ••••1234.invalid', hint: 'check ••••1234' })
  })

  it('masks a plain Error and returns errors without a value, and non-errors, as they were', () => {
    expect((maskErrorSecrets(new Error(`x ${SECRET}`), [SECRET]) as Error).message).toBe('x ••••1234')
    const clean = new AppError('TIMEOUT_TOTAL', 'timed out')
    expect(maskErrorSecrets(clean, [SECRET])).toBe(clean)
    expect(maskErrorSecrets(SECRET, [SECRET])).toBe(SECRET)
  })
})
