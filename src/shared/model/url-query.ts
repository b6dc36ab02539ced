/**
 * A URL's query string as an ordered list of name/value pairs and back: the text the request editor's URL bar shows
 * and the rows of its Params table are one model (src/renderer/src/features/request-editor/query-sync.ts).
 *
 * Decoding follows application/x-www-form-urlencoded, as main's URLSearchParams does when it sends the rows
 * (src/main/core/http/validate.ts): `+` is a space, `%XX` runs are UTF-8. Encoding escapes only what would change
 * the structure or could not be typed (`%`, `&`, `#`, `+`, whitespace, control characters, and `=` in names), so
 * `{{variables}}`, slashes and non-ASCII stay readable.
 */

export interface QueryPair {
  name: string
  value: string
}

export interface UrlParts {
  /** Everything before the `?` (or before the `#` when there is no query). */
  base: string
  /** The text after `?`, without it; null when the URL has no `?`. */
  query: string | null
  /** The text after `#`, without it; null when the URL has no `#`. */
  fragment: string | null
}

/** src/shared/templating/template.ts's syntax (with spaces, the only blanks a URL bar holds): kept verbatim. */
const PLACEHOLDER = /\{\{ *[A-Za-z_][\w.-]* *\}\}/g
const VALUE_UNSAFE = /[%&#+\s\p{Cc}]/gu
const NAME_UNSAFE = /[%&#+=\s\p{Cc}]/gu
const ESCAPE_RUN = /(?:%[0-9A-Fa-f]{2})+/g

/** `#` starts the fragment wherever it is; the query is between the first `?` before it and the `#`. */
export function splitUrl(url: string): UrlParts {
  const hash = url.indexOf('#')
  const beforeHash = hash < 0 ? url : url.slice(0, hash)
  const fragment = hash < 0 ? null : url.slice(hash + 1)
  const mark = beforeHash.indexOf('?')
  if (mark < 0) return { base: beforeHash, query: null, fragment }
  return { base: beforeHash.slice(0, mark), query: beforeHash.slice(mark + 1), fragment }
}

function decodePart(text: string): string {
  return text.replace(/\+/g, ' ').replace(ESCAPE_RUN, (run) => {
    try {
      return decodeURIComponent(run)
    } catch {
      // Not UTF-8 (e.g. `%E0%A4`): shown as typed rather than guessed at.
      return run
    }
  })
}

function encodePart(text: string, unsafe: RegExp): string {
  let out = ''
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    out += text.slice(last, match.index).replace(unsafe, (ch) => encodeURIComponent(ch))
    out += match[0]
    last = match.index + match[0].length
  }
  return out + text.slice(last).replace(unsafe, (ch) => encodeURIComponent(ch))
}

/** `a=1&b&c=x%20y` -> pairs in order; duplicates kept; a key without `=` has the empty value; empty pieces skipped. */
export function parseQuery(query: string): QueryPair[] {
  const pairs: QueryPair[] = []
  for (const piece of query.split('&')) {
    if (piece === '') continue
    const eq = piece.indexOf('=')
    const name = decodePart(eq < 0 ? piece : piece.slice(0, eq))
    const value = eq < 0 ? '' : decodePart(piece.slice(eq + 1))
    if (name === '' && value === '') continue
    pairs.push({ name, value })
  }
  return pairs
}

/** The inverse of parseQuery: a pair with an empty value is written as its key alone (`?debug`). */
export function renderQuery(pairs: readonly QueryPair[]): string {
  return pairs
    .filter((pair) => pair.name !== '' || pair.value !== '')
    .map((pair) => {
      const name = encodePart(pair.name, NAME_UNSAFE)
      return pair.value === '' ? name : `${name}=${encodePart(pair.value, VALUE_UNSAFE)}`
    })
    .join('&')
}

/** The URL with its query replaced by `pairs` (no `?` when there are none), the base and fragment kept. */
export function withQuery(url: string, pairs: readonly QueryPair[]): string {
  const parts = splitUrl(url)
  const query = renderQuery(pairs)
  return `${parts.base}${query === '' ? '' : `?${query}`}${parts.fragment === null ? '' : `#${parts.fragment}`}`
}

/** The URL without query and fragment: what is sent with the query as separate rows (a fragment never is sent). */
export function urlWithoutQuery(url: string): string {
  return splitUrl(url).base
}
