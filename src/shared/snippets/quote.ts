/** Quoting for the two snippet languages. Every user-supplied string goes through one of these. */

/** POSIX shell: one single-quoted word; a ' inside becomes '\'' (close, escaped quote, reopen). */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** True when `text` can sit inside "..." in sh unchanged (no expansion, no escapes). */
export function shDoubleQuoteSafe(text: string): boolean {
  return !/["$`\\!]/.test(text)
}

/**
 * A Python 3 str literal in double quotes. Printable characters (including non-ASCII) stay as they are, so the
 * snippet stays readable; quotes, backslashes and control characters are escaped; lone surrogates (which a UTF-8
 * source file cannot hold) become \\u escapes.
 */
export function pyString(text: string): string {
  let out = '"'
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const ch = text[i] ?? ''
    if (ch === '"' || ch === '\\') out += `\\${ch}`
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\x${code.toString(16).padStart(2, '0')}`
    else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += ch + (text[i + 1] ?? '')
      i++
    } else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16)}`
    else if (code === 0x2028 || code === 0x2029) out += `\\u${code.toString(16)}`
    else out += ch
  }
  return `${out}"`
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * A Python str literal for a long multi-line text (a JSON or text body): a triple-quoted string when that keeps
 * the text readable, else the one-line form. The text is exact either way.
 */
export function pyBlock(text: string): string {
  if (!text.includes('\n') || !tripleQuotable(text) || text.includes("'''") || text.endsWith("'")) return pyString(text)
  return `'''${text}'''`
}

/** No backslash, no CR, no control character except tab and newline, no line separators, no lone surrogate. */
function tripleQuotable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0x5c || code === 0x0d || code === 0x7f || code === 0x2028 || code === 0x2029) return false
    if (code < 0x20 && code !== 0x09 && code !== 0x0a) return false
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++
    else if (code >= 0xd800 && code <= 0xdfff) return false
  }
  return true
}

/** One-line comment text: runs of control characters (a newline would end the comment) become one space. */
export function commentText(text: string): string {
  let out = ''
  let inRun = false
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
    if (control && !inRun) out += ' '
    if (!control) out += ch
    inRun = control
  }
  return out
}

/** Milliseconds as a seconds literal both languages accept ("10", "0.5"). */
export function seconds(ms: number): string {
  return String(Math.round(ms) / 1000)
}

/**
 * application/x-www-form-urlencoded exactly as URLSearchParams (the engine) writes it: space as +, and only
 * *-._ and alphanumerics left as they are.
 */
export function formEncode(text: string): string {
  return new URLSearchParams([['', text]]).toString().slice(1)
}
