import { maskSecret } from './redact'
import { AppError } from '../model/errors'

/**
 * Masking of known secret values (vault secrets, credentials, derived tokens) in any text, in every form the
 * engine and the servers it talks to can produce from them: raw, percent-encoded (encodeURIComponent with "+" or
 * "%20" for spaces; form bodies and query rows as URLSearchParams writes them; a value typed into a URL's path or
 * query as the URL parser escapes it), JSON-string escaped (an echoing server), and base64 (Basic auth, some echoes).
 * Pure (no node:*, no DOM) so every process can use it.
 */

/** Shorter values are not masked: "abc" would mask every "abc" in a body and hide nothing worth hiding. */
export const MIN_SECRET_LENGTH = 4

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** What the WHATWG URL parser escapes in a path (or query) typed into a URL: controls, space, quotes, non-ASCII. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what the parser escapes
const PATH_ESCAPED = /[\u0000-\u0020"<>`{}\u007f-\u{10ffff}]/gu
// eslint-disable-next-line no-control-regex -- as above
const QUERY_ESCAPED = /[\u0000-\u0020"'<>\u007f-\u{10ffff}]/gu

/** One character as the URL parser escapes it: each UTF-8 byte as %XX (encodeURIComponent would keep "'"). */
function escapeChar(char: string): string {
  let out = ''
  for (const byte of new TextEncoder().encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
  return out
}

/** The distinct forms of one secret value, longest first (a longer form may contain a shorter one). */
export function secretForms(value: string): string[] {
  if (value.length < MIN_SECRET_LENGTH) return []
  const forms = new Set([value, ...urlForms(value), JSON.stringify(value).slice(1, -1), base64(value), base64(value).replace(/=+$/, '')])
  return [...forms].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length)
}

/** The percent-encoded forms; none for a value with a lone surrogate (no URL can carry one; encodeURIComponent throws). */
function urlForms(value: string): string[] {
  try {
    const percent = encodeURIComponent(value)
    return [
      percent,
      percent.replace(/%20/g, '+'),
      new URLSearchParams([['', value]]).toString().slice(1),
      value.replace(PATH_ESCAPED, escapeChar),
      value.replace(QUERY_ESCAPED, escapeChar)
    ]
  } catch {
    return []
  }
}

/** Every form of every value, each paired with its mask, longest form first. */
function replacements(values: Iterable<string>): Array<[string, string]> {
  const pairs = new Map<string, string>()
  for (const value of values) for (const form of secretForms(value)) if (!pairs.has(form)) pairs.set(form, maskSecret(value))
  return [...pairs].sort((a, b) => b[0].length - a[0].length)
}

/** The text with every form of every secret value replaced by its mask ("••••" plus, for long values, 4 chars). */
export function maskSecretValues(text: string, values: Iterable<string>): string {
  return secretMasker(values)(text)
}

/** maskSecretValues for many texts against the same values: the forms are worked out once. */
export function secretMasker(values: Iterable<string>): (text: string) => string {
  const pairs = replacements(values)
  return (text) => {
    let out = text
    for (const [form, mask] of pairs) if (out.includes(form)) out = out.split(form).join(mask)
    return out
  }
}

/** True if any form of any secret value occurs in the text. */
export function containsSecretValue(text: string, values: Iterable<string>): boolean {
  for (const value of values) for (const form of secretForms(value)) if (text.includes(form)) return true
  return false
}

/**
 * The error with every form of every secret value masked in its message and hint (an AppError keeps its code; any
 * other Error becomes a plain Error with the masked message). Anything else, or an error without a value in it, is
 * returned as it was.
 */
export function maskErrorSecrets(error: unknown, values: readonly string[]): unknown {
  if (values.length === 0 || !(error instanceof Error)) return error
  const hint = error instanceof AppError ? error.hint : undefined
  if (!containsSecretValue(error.message, values) && (hint === undefined || !containsSecretValue(hint, values))) return error
  const message = maskSecretValues(error.message, values)
  if (!(error instanceof AppError)) return new Error(message)
  return new AppError(error.code, message, hint === undefined ? undefined : maskSecretValues(hint, values))
}
