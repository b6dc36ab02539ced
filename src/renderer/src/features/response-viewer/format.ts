/** Pure formatting helpers for the response viewer. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KiB', 'MiB', 'GiB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

export function formatMs(ms: number): string {
  if (ms < 1) return ms <= 0 ? '0 ms' : '<1 ms'
  if (ms < 1000) return `${Math.round(ms)} ms`
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

export type StatusClass = 'info' | 'success' | 'redirect' | 'client-error' | 'server-error'

export function statusClass(status: number): StatusClass {
  if (status >= 500) return 'server-error'
  if (status >= 400) return 'client-error'
  if (status >= 300) return 'redirect'
  if (status >= 200) return 'success'
  return 'info'
}

/** Above this, pretty-printing (parse + stringify + Monaco folding) would stall the UI; raw text is shown instead. */
export const PRETTY_PRINT_LIMIT = 5 * 1024 * 1024

/**
 * Above this a body is shown by the windowed viewer (rows fetched from main, search and pretty-printing in main):
 * parsing and tokenizing a few MB on the renderer's main thread already costs more than a 100 ms task.
 */
export const LARGE_BODY_BYTES = 2 * 1024 * 1024

export type BodyLanguage = 'json' | 'xml' | 'plaintext'

export function languageFor(contentType: string | null): BodyLanguage {
  const type = (contentType ?? '').toLowerCase()
  if (/[/+]json\b/.test(type)) return 'json'
  if (/[/+]xml\b/.test(type)) return 'xml'
  return 'plaintext'
}

/**
 * Pretty JSON when the whole body is loaded, small enough and parses; otherwise null (the caller shows raw text).
 * A partial body is never pretty-printed: it would fail to parse or, worse, look complete.
 */
export function prettyJson(text: string, complete: boolean, contentType: string | null): string | null {
  if (!complete || text.length > PRETTY_PRINT_LIMIT) return null
  const trimmed = text.trimStart()
  if (languageFor(contentType) !== 'json' && !trimmed.startsWith('{') && !trimmed.startsWith('[')) return null
  try {
    return JSON.stringify(JSON.parse(text), null, 2)
  } catch {
    return null
  }
}

const encoder = new TextEncoder()
/** Byte length of UTF-8 text: the preview is cut on a character boundary, so this is where the next page starts. */
export function utf8Length(text: string): number {
  return encoder.encode(text).length
}
