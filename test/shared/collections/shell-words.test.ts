import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { splitShellWords } from '../../../src/shared/collections/shell-words'

/** What bash itself makes of the command: each word NUL-terminated. */
function bashWords(command: string): string[] {
  const script = `args() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command.replace(/^curl/, 'args curl')}`
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8' })
  return out.split('\0').slice(0, -1)
}

const TRICKY = [
  `curl 'https://h.example/a?b=1&c=2' -H 'accept: */*'`,
  `curl "https://h.example/it's" -d "{\\"k\\": \\"\\$HOME \\\\ \\\`x\\\`\\"}"`,
  `curl -d 'it'\\''s' https://h.example`,
  `curl --data-binary $'{"a":"line1\\nline2","t":"tab\\there","q":"it\\'s","e":"\\u00e9\\x41\\101"}' https://h.example`,
  `curl https://h.example \\\n  -H 'X-One: 1' \\\n  -H "X-Two: 2"`,
  `curl a\\ b c"d"'e'$'f' "" ''`,
  `curl -H "Multi\nline" https://h.example # trailing comment`,
  `curl $"locale" 'x'"y"z`
]

describe('splitShellWords', () => {
  it.each(TRICKY)('splits like bash: %s', (command) => {
    expect(splitShellWords(command).words).toEqual(bashWords(command))
  })

  it('joins CRLF continuations', () => {
    expect(splitShellWords('curl https://h.example \\\r\n  -k').words).toEqual(['curl', 'https://h.example', '-k'])
  })

  it('turns shell variables into placeholders and says so', () => {
    const result = splitShellWords('curl -H "Api-Key: $ICS_KEY" "${BASE}/v2/x" \'$LITERAL\'')
    expect(result.words).toEqual(['curl', '-H', 'Api-Key: {{ICS_KEY}}', '{{BASE}}/v2/x', '$LITERAL'])
    expect(result.warnings.join(' ')).toMatch(/\$ICS_KEY.*\{\{ICS_KEY\}\}/)
  })

  it('stops at a pipe or a second command, with a warning', () => {
    const piped = splitShellWords("curl -s 'https://h.example/x' | jq .")
    expect(piped.words).toEqual(['curl', '-s', 'https://h.example/x'])
    expect(piped.warnings[0]).toMatch(/Only the curl command/)
    const chained = splitShellWords('curl https://a.example && echo done')
    expect(chained.words).toEqual(['curl', 'https://a.example'])
    const twoLines = splitShellWords('curl https://a.example\ncurl https://b.example')
    expect(twoLines.words).toEqual(['curl', 'https://a.example'])
    expect(twoLines.warnings[0]).toMatch(/first command/)
  })

  it('reports unclosed quotes and command substitution with line and column', () => {
    expect(() => splitShellWords("curl https://h.example \\\n -d 'oops")).toThrow(/' quote is not closed \(line 2, column 5\)/)
    expect(() => splitShellWords('curl -d "x')).toThrow(/" quote is not closed \(line 1, column 9\)/)
    expect(() => splitShellWords("curl $'x")).toThrow(/\$'\.\.\.' quote is not closed/)
    expect(() => splitShellWords('curl -H "X: $(cat token)" https://h')).toThrow(/command substitution/)
    expect(() => splitShellWords('curl https://h.example\n  -H "X: 1"')).toThrow(/does not end with \\/)
  })
})
