/** The curl options the importer understands, and how many arguments each takes. */

export type CurlOption =
  | 'request' | 'header' | 'data' | 'data-raw' | 'data-binary' | 'data-urlencode' | 'json' | 'form' | 'form-string'
  | 'user' | 'url' | 'user-agent' | 'referer' | 'cookie' | 'oauth2-bearer' | 'insecure' | 'compressed' | 'get'
  | 'head' | 'location' | 'next' | 'config' | 'upload-file'

/** Long name -> meaning. `data-ascii` is curl's alias of `data`. */
const LONG_WITH_VALUE: Record<string, CurlOption> = {
  request: 'request', header: 'header', data: 'data', 'data-ascii': 'data', 'data-raw': 'data-raw',
  'data-binary': 'data-binary', 'data-urlencode': 'data-urlencode', json: 'json', form: 'form',
  'form-string': 'form-string', user: 'user', url: 'url', 'user-agent': 'user-agent', referer: 'referer',
  cookie: 'cookie', 'oauth2-bearer': 'oauth2-bearer', config: 'config', 'upload-file': 'upload-file'
}

const LONG_FLAGS: Record<string, CurlOption> = {
  insecure: 'insecure', compressed: 'compressed', get: 'get', head: 'head', location: 'location',
  'location-trusted': 'location', next: 'next'
}

const SHORT: Record<string, { option: CurlOption; value: boolean }> = {
  X: { option: 'request', value: true },
  H: { option: 'header', value: true },
  d: { option: 'data', value: true },
  F: { option: 'form', value: true },
  u: { option: 'user', value: true },
  A: { option: 'user-agent', value: true },
  e: { option: 'referer', value: true },
  b: { option: 'cookie', value: true },
  K: { option: 'config', value: true },
  T: { option: 'upload-file', value: true },
  k: { option: 'insecure', value: false },
  G: { option: 'get', value: false },
  I: { option: 'head', value: false },
  L: { option: 'location', value: false },
  ':': { option: 'next', value: false }
}

/** Options that do not change the request (output, progress, timeouts, TLS versions...): skipped. */
const IGNORED_LONG_WITH_VALUE = new Set([
  'output', 'max-time', 'connect-timeout', 'retry', 'retry-delay', 'retry-max-time', 'proxy', 'proxy-user', 'cacert',
  'capath', 'cert', 'cert-type', 'key', 'key-type', 'pass', 'write-out', 'cookie-jar', 'resolve', 'connect-to',
  'limit-rate', 'max-redirs', 'range', 'interface', 'local-port', 'dns-servers', 'trace', 'trace-ascii', 'stderr',
  'max-filesize', 'speed-limit', 'speed-time', 'expect100-timeout', 'keepalive-time', 'aws-sigv4', 'ciphers',
  'dump-header', 'unix-socket', 'abstract-unix-socket', 'happy-eyeballs-timeout-ms', 'ip-tos', 'preproxy'
])
const IGNORED_SHORT_WITH_VALUE = new Set(['o', 'm', 'x', 'w', 'c', 'E', 'D', 'r', 'U', 'y', 'Y', 'C', 'P', 'Q', 'z'])
const IGNORED_SHORT_FLAGS = new Set([
  's', 'S', 'v', 'i', 'f', 'g', 'N', '#', 'O', 'J', 'Z', 'n', 'q', 'l', 'j', 'R', '0', '1', '2', '3', '4', '6', 'B', 'M', 'V', 'a', 'p', 't'
])

export type ParsedOption =
  | { kind: 'option'; option: CurlOption; value: string | null; spelled: string }
  | { kind: 'ignored'; spelled: string; warn: boolean }
  | { kind: 'positional'; value: string }

/**
 * Turns words (after the leading `curl`) into options and positionals. Short clusters (`-sSL`), attached values
 * (`-XPOST`, `-H'X: y'`) and `--opt value` are handled. Unknown options are skipped with `warn: true`, assuming
 * they take no value (the safer guess: a value would then show up as an extra URL and be reported).
 */
export function readOptions(words: readonly string[], missingValue: (spelled: string) => never): ParsedOption[] {
  const out: ParsedOption[] = []
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? ''
    const take = (spelled: string): string => {
      i++
      if (i >= words.length) missingValue(spelled)
      return words[i] ?? ''
    }
    if (word.startsWith('--') && word.length > 2) {
      const name = word.slice(2)
      const withValue = LONG_WITH_VALUE[name]
      const flag = LONG_FLAGS[name]
      if (withValue) out.push({ kind: 'option', option: withValue, value: take(word), spelled: word })
      else if (flag) out.push({ kind: 'option', option: flag, value: null, spelled: word })
      else if (IGNORED_LONG_WITH_VALUE.has(name)) {
        take(word)
        out.push({ kind: 'ignored', spelled: word, warn: false })
      } else out.push({ kind: 'ignored', spelled: word, warn: !isHarmlessLong(name) })
      continue
    }
    if (word.startsWith('-') && word.length > 1) {
      for (let c = 1; c < word.length; c++) {
        const letter = word[c] ?? ''
        const known = SHORT[letter]
        const rest = word.slice(c + 1)
        if (known?.value || IGNORED_SHORT_WITH_VALUE.has(letter)) {
          const value = rest !== '' ? rest : take(`-${letter}`)
          out.push(known ? { kind: 'option', option: known.option, value, spelled: `-${letter}` } : { kind: 'ignored', spelled: `-${letter}`, warn: false })
          break
        }
        if (known) out.push({ kind: 'option', option: known.option, value: null, spelled: `-${letter}` })
        else out.push({ kind: 'ignored', spelled: `-${letter}`, warn: !IGNORED_SHORT_FLAGS.has(letter) })
      }
      continue
    }
    out.push({ kind: 'positional', value: word })
  }
  return out
}

/** Long flags that only affect output, protocol versions or TLS versions. */
function isHarmlessLong(name: string): boolean {
  return (
    /^(no-|disable|silent|show-error|verbose|include|fail|globoff|http[0-9.]|tlsv|sslv|tls-max|ssl-|progress|no-buffer|remote-name|remote-header-name|path-as-is|digest|basic|ntlm|anyauth|negotiate|netrc|raw|tcp-|ipv[46]|create-dirs|styled-output|parallel|compressed-ssh|proto|ignore-content-length|junk-session-cookies|list-only|clobber|xattr|suppress-connect-headers|http-seqnums|no-alpn|no-npn|false-start|cert-status|doh-|crlf|use-ascii|append|ftp-|sasl-|proxy-|socks|mail-|tr-encoding|keepalive|sessionid)/.test(
      name
    )
  )
}
