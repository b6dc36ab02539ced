import { AppError } from '../model/errors'

/**
 * Splits one POSIX shell command into words the way sh would, without running anything: '...' literal,
 * "..." with \\ escapes for $ ` " \\ and newline, $'...' ANSI-C escapes, backslash-newline continuations and
 * comments. `$NAME` / `${NAME}` become `{{NAME}}` placeholders (reported), since their values are unknown here.
 * Command substitution is refused; a pipe, `;`, `&&` or redirection ends the command (reported).
 */
export interface ShellWords {
  words: string[]
  warnings: string[]
}

function position(text: string, index: number): string {
  const before = text.slice(0, index)
  const line = before.split('\n').length
  const column = index - before.lastIndexOf('\n')
  return `line ${line}, column ${column}`
}

function fail(text: string, index: number, message: string, hint?: string): never {
  throw new AppError('INVALID_INPUT', `Cannot read the cURL command: ${message} (${position(text, index)}).`, hint)
}

const ANSI_SIMPLE: Record<string, string> = {
  a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?'
}

/** Reads $'...' starting after the opening quote; returns the decoded text and the index after the closing quote. */
function readAnsiC(text: string, start: number): [string, number] {
  let out = ''
  let cut: number | null = null
  let i = start
  while (i < text.length) {
    const ch = text[i] ?? ''
    if (ch === "'") return [cut === null ? out : out.slice(0, cut), i + 1]
    if (ch !== '\\') {
      out += ch
      i++
      continue
    }
    const next = text[i + 1] ?? ''
    const simple = ANSI_SIMPLE[next]
    if (simple !== undefined) {
      out += simple
      i += 2
      continue
    }
    const hex = /^(x[0-9a-fA-F]{1,2}|u[0-9a-fA-F]{1,4}|U[0-9a-fA-F]{1,8}|[0-7]{1,3})/.exec(text.slice(i + 1, i + 10))
    if (hex) {
      const body = hex[1] ?? ''
      const code = /^[0-7]/.test(body) ? parseInt(body, 8) : parseInt(body.slice(1), 16)
      // A NUL ends the $'...' text in bash (arguments are C strings): the rest up to the closing quote is dropped.
      if (code === 0) cut ??= out.length
      // \x and octal escapes are bytes in bash; treating them as code points is right for ASCII, close enough beyond.
      out += code > 0x10ffff ? '\uFFFD' : String.fromCodePoint(code)
      i += 1 + body.length
      continue
    }
    out += `\\${next}`
    i += 2
  }
  return fail(text, start - 2, "$'...' quote is not closed")
}

function readVariable(text: string, at: number, warnings: string[]): [string, number] | null {
  const braced = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(text.slice(at))
  const plain = braced ? null : /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(at))
  const match = braced ?? plain
  if (!match) return null
  const name = match[1] ?? ''
  if (!warnings.some((warning) => warning.includes(`$${name} `))) {
    warnings.push(`Shell variable $${name} became the placeholder {{${name}}}; define it in your environment.`)
  }
  return [`{{${name}}}`, at + match[0].length]
}

export function splitShellWords(text: string): ShellWords {
  const words: string[] = []
  const warnings: string[] = []
  let word: string | null = null
  let i = 0
  const end = (): void => {
    if (word !== null) words.push(word)
    word = null
  }
  while (i < text.length) {
    const ch = text[i] ?? ''
    if (ch === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3
      continue
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      end()
      i++
      continue
    }
    if (ch === '\n') {
      end()
      if (text.slice(i).trim() !== '') {
        if (/^\s*-/.test(text.slice(i + 1))) {
          fail(text, i + 1, 'a new line starts with an option but the previous line does not end with \\', 'End each continued line with a backslash.')
        }
        warnings.push(`Only the first command was imported; the text after ${position(text, i)} was ignored.`)
      }
      break
    }
    if (ch === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++
      continue
    }
    if (ch === '`' || (ch === '$' && text[i + 1] === '(')) {
      fail(text, i, 'command substitution ($(...) or `...`) cannot be imported', 'Replace it with the value it produces.')
    }
    if (/[|;<>()]/.test(ch) || (ch === '&' && (word === null || text[i + 1] === '&'))) {
      end()
      warnings.push(`Only the curl command was imported; "${text.slice(i, i + 2).trim()}..." at ${position(text, i)} and after was ignored.`)
      break
    }
    if (ch === '&') warnings.push(`An unquoted "&" at ${position(text, i)} was kept as part of the word; quote URLs in shell commands.`)
    if (ch === "'") {
      const close = text.indexOf("'", i + 1)
      if (close < 0) fail(text, i, "a ' quote is not closed")
      word = (word ?? '') + text.slice(i + 1, close)
      i = close + 1
      continue
    }
    if (ch === '$' && text[i + 1] === "'") {
      const [decoded, next] = readAnsiC(text, i + 2)
      word = (word ?? '') + decoded
      i = next
      continue
    }
    if (ch === '"' || (ch === '$' && text[i + 1] === '"')) {
      const [decoded, next] = readDoubleQuoted(text, ch === '$' ? i + 2 : i + 1, warnings)
      word = (word ?? '') + decoded
      i = next
      continue
    }
    if (ch === '$') {
      const variable = readVariable(text, i, warnings)
      if (variable) {
        word = (word ?? '') + variable[0]
        i = variable[1]
        continue
      }
    }
    if (ch === '\\') {
      word = (word ?? '') + (text[i + 1] ?? '')
      i += 2
      continue
    }
    word = (word ?? '') + ch
    i++
  }
  end()
  return { words, warnings }
}

function readDoubleQuoted(text: string, start: number, warnings: string[]): [string, number] {
  let out = ''
  let i = start
  while (i < text.length) {
    const ch = text[i] ?? ''
    if (ch === '"') return [out, i + 1]
    if (ch === '\\') {
      const next = text[i + 1] ?? ''
      if (next === '\n') i += 2
      else if (next === '\r' && text[i + 2] === '\n') i += 3
      else if ('$`"\\'.includes(next)) {
        out += next
        i += 2
      } else {
        out += '\\'
        i++
      }
      continue
    }
    if (ch === '`' || (ch === '$' && text[i + 1] === '(')) {
      fail(text, i, 'command substitution ($(...) or `...`) cannot be imported', 'Replace it with the value it produces.')
    }
    if (ch === '$') {
      const variable = readVariable(text, i, warnings)
      if (variable) {
        out += variable[0]
        i = variable[1]
        continue
      }
    }
    out += ch
    i++
  }
  return fail(text, start - 1, 'a " quote is not closed')
}

/**
 * The text with what is inside each '...', $'...' and "..." quote removed (the quote marks stay), scanned as sh
 * would. Lets a caller look for another shell's syntax (cmd's ^", PowerShell's ` line ends) where sh would see it,
 * and not inside a quoted body that happens to contain those characters. Never fails: an unclosed quote ends it.
 */
export function withoutQuotedText(text: string): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const ch = text[i] ?? ''
    const ansi = ch === '$' && text[i + 1] === "'"
    if (ch !== "'" && ch !== '"' && !ansi) {
      out += ch
      i += ch === '\\' ? 2 : 1
      continue
    }
    const quote = ansi ? "'" : ch
    i += ansi ? 2 : 1
    // Inside '...' a backslash is literal; inside $'...' and "..." it escapes the next character.
    while (i < text.length && text[i] !== quote) i += text[i] === '\\' && (ansi || quote === '"') ? 2 : 1
    out += quote + quote
    i++
  }
  return out
}
