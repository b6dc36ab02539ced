/**
 * Where a text stops being JSON, as "line L, column C". JSON.parse's own message quotes the start of the text
 * (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`), and a collection file may be anything a symlink or a
 * shared folder points at, so errors say where, never what. Only called after JSON.parse has failed.
 */
export function describeJsonError(text: string): string {
  const offset = firstErrorOffset(text)
  if (offset === null) return 'not valid JSON'
  const { line, column } = lineColumn(text, offset)
  return offset >= text.length ? `not valid JSON: it ends early (line ${line}, column ${column})` : `not valid JSON at line ${line}, column ${column}`
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++
    lineStart = at + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/** Thrown to unwind the scanner at the first refused character. */
const STOP = Symbol('stop')
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const ESCAPES = '"\\/bfnrt'

/** Offset of the first character a JSON parser refuses (text.length when it ends early); null if none is found. */
function firstErrorOffset(text: string): number | null {
  let at = 0
  const stop = (): never => {
    throw STOP
  }
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++
  }
  const consume = (char: string): void => {
    space()
    if (text.charAt(at) !== char) stop()
    at++
  }
  const string = (): void => {
    consume('"')
    for (;;) {
      if (at >= text.length) stop()
      const char = text.charAt(at)
      if (char === '"') return void at++
      if (char < ' ') stop()
      if (char === '\\') {
        at++
        if (text.charAt(at) === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) stop()
          at += 4
        } else if (!ESCAPES.includes(text.charAt(at)) || at >= text.length) stop()
      }
      at++
    }
  }
  const sequence = (close: string, item: () => void): void => {
    at++
    space()
    if (text.charAt(at) === close) return void at++
    for (;;) {
      item()
      space()
      if (text.charAt(at) === close) return void at++
      consume(',')
    }
  }
  const value = (): void => {
    space()
    const char = text.charAt(at)
    if (char === '{') {
      return sequence('}', () => {
        string()
        consume(':')
        value()
      })
    }
    if (char === '[') return sequence(']', value)
    if (char === '"') return string()
    for (const word of ['true', 'false', 'null']) if (text.startsWith(word, at)) return void (at += word.length)
    NUMBER.lastIndex = at
    if (!NUMBER.test(text)) stop()
    at = NUMBER.lastIndex
  }
  try {
    value()
    space()
    return at < text.length ? at : null
  } catch (error) {
    // RangeError: nested too deeply for this scanner's recursion; the caller then gives no location.
    return error === STOP ? Math.min(at, text.length) : null
  }
}
