import fc from 'fast-check'
import { AppError } from '../../src/shared/model/errors'
import type { KeyValue } from '../../src/shared/model/request'

/** Characters that break quoting, parsing or framing somewhere: shell, Python, JSON, HTTP, templating. */
const SPECIALS = [
  "'", '"', '`', '$', '\\', '{', '}', '{{', '}}', '%', '&', '=', '?', '#', ';', '|', '\n', '\r', '\t', '\0', ' ',
  '\u00e9', '\u00ff', '\u0100', '\u2028', '\u{1F600}', '\uFEFF', '$(id)', '${HOME}', '"""', "'''", '\\x41', '%zz'
]

/** Any string, biased towards the characters above. */
export const nasty = (maxLength = 30): fc.Arbitrary<string> =>
  fc.string({ unit: fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...SPECIALS) }, { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }), maxLength })

/** Strings that include lone surrogates and control characters (what a hostile renderer can send). */
export const anyUtf16 = (maxLength = 40): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength })

export const row = (name: fc.Arbitrary<string>, value: fc.Arbitrary<string>): fc.Arbitrary<KeyValue> =>
  fc.record({ name, value, enabled: fc.boolean() })

export const TOKEN_CHARS = "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
export const headerName = fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 1, maxLength: 20 })
/** Tab, visible ASCII and Latin-1 (obs-text): what HTTP/1.1 can carry in a field value. */
export const headerValue = fc.string({
  unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0xa0, max: 0xff }), fc.constant(9)).map((code) => String.fromCharCode(code)),
  maxLength: 30
})

/** Runs `action`; passes if it returns or throws an AppError with a readable message, fails on any other throw. */
export function returnsOrAppError<T>(action: () => T, codes?: readonly string[]): T | AppError {
  try {
    return action()
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`threw a non-AppError: ${String(error)}`, { cause: error })
    if (codes && !codes.includes(error.code)) throw new Error(`unexpected code ${error.code}: ${error.message}`)
    if (!/[A-Za-z]{3,}.*[A-Za-z]{3,}/s.test(error.message) || /(^|: )undefined\b|\[object /.test(error.message)) {
      throw new Error(`unreadable message: ${error.message}`)
    }
    return error
  }
}
