export interface JsonProblem {
  message: string
  line: number
  column: number
}

/**
 * Returns null for valid JSON, else what is wrong and where (1-based line/column). JSON.parse is tried first
 * because it is fast; its own messages differ between V8 versions and do not always give a position, so the
 * location comes from a small scanner that only runs on invalid text.
 */
export function checkJson(text: string): JsonProblem | null {
  try {
    JSON.parse(text)
    return null
  } catch {
    return new Scanner(text).run()
  }
}

const WS = new Set([' ', '\t', '\n', '\r'])

class Scanner {
  private pos = 0
  constructor(private readonly text: string) {}

  run(): JsonProblem {
    try {
      this.skipWs()
      if (this.pos >= this.text.length) return this.problem('the body is empty or only whitespace')
      this.value()
      this.skipWs()
      if (this.pos < this.text.length) return this.problem(`unexpected ${this.describe()} after the end of the JSON value`)
      return this.problem('invalid JSON')
    } catch (error) {
      if (error instanceof ScanError) return error.problem
      throw error
    }
  }

  private problem(message: string, at = this.pos): JsonProblem {
    let line = 1
    let lineStart = 0
    for (let i = 0; i < at && i < this.text.length; i++) {
      if (this.text.charCodeAt(i) === 10) {
        line++
        lineStart = i + 1
      }
    }
    return { message, line, column: at - lineStart + 1 }
  }

  private fail(message: string, at = this.pos): never {
    throw new ScanError(this.problem(message, at))
  }

  private describe(): string {
    const ch = this.text[this.pos]
    if (ch === undefined) return 'end of input'
    const code = ch.charCodeAt(0)
    return code < 0x20 ? `control character U+${code.toString(16).padStart(4, '0')}` : `character '${ch}'`
  }

  private skipWs(): void {
    while (this.pos < this.text.length && WS.has(this.text[this.pos] ?? '')) this.pos++
  }

  /** Iterative so that deeply nested input cannot overflow the stack. */
  private value(): void {
    const stack: ('{' | '[')[] = []
    for (;;) {
      this.skipWs()
      const ch = this.text[this.pos]
      if (ch === '{' || ch === '[') {
        this.pos++
        this.skipWs()
        const close = ch === '{' ? '}' : ']'
        if (this.text[this.pos] === close) this.pos++
        else {
          stack.push(ch)
          if (ch === '{') this.key()
          continue
        }
      } else this.scalar()
      // After a value: close containers or expect a separator.
      for (;;) {
        const top = stack[stack.length - 1]
        if (top === undefined) return
        this.skipWs()
        const next = this.text[this.pos]
        const close = top === '{' ? '}' : ']'
        if (next === close) {
          this.pos++
          stack.pop()
          continue
        }
        if (next === ',') {
          this.pos++
          this.skipWs()
          const after = this.text[this.pos]
          if (after === '}' || after === ']') this.fail(`trailing comma before '${after}'`, this.pos)
          if (top === '{') this.key()
          break
        }
        const container = top === '{' ? 'object' : 'array'
        if (next === undefined) this.fail(`unexpected end of input: the ${container} is not closed with '${close}'`)
        this.fail(`expected ',' or '${close}' in the ${container} but found ${this.describe()}`)
      }
    }
  }

  private key(): void {
    this.skipWs()
    const ch = this.text[this.pos]
    if (ch === undefined) this.fail('unexpected end of input: expected a property name')
    if (ch !== '"') {
      this.fail(
        ch === "'" ? 'property names need double quotes, not single quotes' : `expected a property name in double quotes but found ${this.describe()}`
      )
    }
    this.string()
    this.skipWs()
    if (this.text[this.pos] !== ':') this.fail(`expected ':' after the property name but found ${this.describe()}`)
    this.pos++
  }

  private scalar(): void {
    const ch = this.text[this.pos]
    if (ch === undefined) this.fail('unexpected end of input: expected a value')
    if (ch === '"') return this.string()
    if (ch === "'") this.fail('strings need double quotes, not single quotes')
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.number()
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length
        return
      }
    }
    this.fail(`unexpected ${this.describe()}: expected a value (object, array, string, number, true, false or null)`)
  }

  private string(): void {
    const start = this.pos
    this.pos++
    for (;;) {
      const ch = this.text[this.pos]
      if (ch === undefined) this.fail('unterminated string (missing closing ")', start)
      if (ch === '"') {
        this.pos++
        return
      }
      if (ch.charCodeAt(0) < 0x20) this.fail(`${this.describe()} inside a string; escape it (e.g. \\n)`)
      if (ch === '\\') {
        const esc = this.text[this.pos + 1]
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) this.fail('invalid \\u escape: expected 4 hex digits')
          this.pos += 6
          continue
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) this.fail(`invalid escape sequence '\\${esc ?? ''}' in a string`)
        this.pos += 2
        continue
      }
      this.pos++
    }
  }

  private number(): void {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400))
    if (!match || match[0] === '-') this.fail('invalid number')
    this.pos += match[0].length
    const next = this.text[this.pos]
    if (next !== undefined && /[0-9.eE]/.test(next)) this.fail('invalid number (leading zero, or a misplaced "." or exponent)')
  }
}

class ScanError extends Error {
  constructor(readonly problem: JsonProblem) {
    super(problem.message)
  }
}
