import type { SecretName } from '@shared/model/auth'
import type { Plan, Row, Value } from './plan'
import { pyBlock, pyString } from './quote'

/** The Python expressions a snippet is made of: values, the headers dict, the body arguments, the call. */

export const PY_SECRET_VARS: Record<SecretName, string> = {
  v2Token: 'api_token',
  v1Token: 'v1_token',
  clientSecret: 'client_secret',
  apiKey: 'api_key',
  password: 'password'
}
export const PY_SESSION_VAR = 'session_token'

export function pyValue(value: Value): string {
  switch (value.kind) {
    case 'text':
      return pyString(value.text)
    case 'secret':
      return withPrefix(value.prefix, PY_SECRET_VARS[value.name])
    case 'session':
      return withPrefix(value.prefix, PY_SESSION_VAR)
  }
}

const withPrefix = (prefix: string, variable: string): string => (prefix === '' ? variable : `${pyString(prefix)} + ${variable}`)

/** `[("a", "1"), ...]` one pair per line, keeping order and repeated names. */
export function pyPairs(rows: Row[], indent = ''): string {
  if (rows.length === 0) return '[]'
  const lines = rows.map((row) => `${indent}    (${pyString(row.name)}, ${pyValue(row.value)}),`)
  return `[\n${lines.join('\n')}\n${indent}]`
}

/**
 * The headers dict. A dict cannot hold a name twice, so repeated headers are joined with ", " (the same field value
 * for HTTP, RFC 9110 section 5.3).
 */
export function pyHeaders(plan: Plan, acceptGzip: boolean, extra: Row[]): string {
  const merged: { name: string; values: Value[] }[] = []
  for (const row of [...plan.headers, ...extra]) {
    const same = merged.find((entry) => entry.name.toLowerCase() === row.name.toLowerCase())
    if (same) same.values.push(row.value)
    else merged.push({ name: row.name, values: [row.value] })
  }
  // requests always offers gzip/deflate; the app did not, so say "identity" to get the same (unencoded) answer.
  if (!acceptGzip && !merged.some((entry) => entry.name.toLowerCase() === 'accept-encoding')) {
    merged.push({ name: 'Accept-Encoding', values: [{ kind: 'text', text: 'identity' }] })
  }
  if (merged.length === 0) return '{}'
  const lines = merged.map((entry) => `    ${pyString(entry.name)}: ${entry.values.map(pyValue).join(' + ", " + ')},`)
  return `{\n${lines.join('\n')}\n}`
}

export interface PyBody {
  /** Statements that define the body variables. */
  setup: string[]
  /** Keyword arguments for the requests call. */
  kwargs: string[]
  /** A Content-Type header requests would not add by itself. */
  contentType: string | null
}

export function pyBody(plan: Plan): PyBody {
  const body = plan.body
  const needsType = (type: string | null): string | null => (plan.userContentType ? null : type)
  switch (body.kind) {
    case 'none':
      return { setup: [], kwargs: [], contentType: null }
    case 'json': {
      const literal = jsonAsPython(body.text)
      if (literal !== null) return { setup: [`payload = ${literal}`], kwargs: ['json=payload'], contentType: null }
      // Not representable exactly as a Python value (invalid JSON, big numbers, escapes...): send the text as typed.
      return { setup: [`payload = ${pyBlock(body.text)}`], kwargs: ['data=payload.encode("utf-8")'], contentType: needsType(plan.defaultContentType) }
    }
    case 'text':
      return { setup: [`payload = ${pyBlock(body.text)}`], kwargs: ['data=payload.encode("utf-8")'], contentType: needsType(plan.defaultContentType) }
    case 'form':
      return { setup: [`form = ${pyPairs(body.fields)}`], kwargs: ['data=form'], contentType: null }
    case 'multipart': {
      const lines = body.parts.map((part) => {
        const name = pyString(part.name)
        if (part.kind === 'text') {
          // (None, value[, type]): a field without a filename, as the app sends it.
          return part.contentType
            ? `    (${name}, (None, ${pyString(part.value)}, ${pyString(part.contentType)})),`
            : `    (${name}, (None, ${pyString(part.value)})),`
        }
        const filename = part.filename ?? baseName(part.path)
        const type = part.contentType ?? 'application/octet-stream'
        return `    (${name}, (${pyString(filename)}, open(${pyString(part.path)}, "rb"), ${pyString(type)})),`
      })
      // A list (not a dict) keeps the parts in the app's order; requests puts data= fields before files=.
      return { setup: [`files = [\n${lines.join('\n')}\n]`], kwargs: ['files=files'], contentType: null }
    }
  }
}

/** The last path segment, for either separator (the path may come from Windows). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/)
  return parts[parts.length - 1] ?? path
}

/**
 * The JSON as a Python literal, or null when that literal would not serialise back to the same JSON value:
 * only JSON whose compact form equals JSON.stringify(JSON.parse(text)) qualifies, which rules out numbers that
 * JavaScript would round, duplicate keys and escapes that would change meaning.
 */
export function jsonAsPython(text: string): string | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  if (compactJson(text) !== JSON.stringify(value)) return null
  return pyLiteral(value, '')
}

function pyLiteral(value: unknown, indent: string): string {
  if (value === null) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return pyString(value)
  const inner = `${indent}    `
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]'
    const items = value.map((item) => pyLiteral(item, inner))
    const oneLine = `[${items.join(', ')}]`
    return oneLine.length <= 72 && !oneLine.includes('\n') ? oneLine : `[\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => `${pyString(key)}: ${pyLiteral(item, inner)}`)
  if (entries.length === 0) return '{}'
  const oneLine = `{${entries.join(', ')}}`
  return oneLine.length <= 72 && !oneLine.includes('\n') ? oneLine : `{\n${entries.map((entry) => `${inner}${entry},`).join('\n')}\n${indent}}`
}

/** The JSON text without insignificant whitespace (strings untouched). */
function compactJson(text: string): string {
  let out = ''
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? ''
    if (inString) {
      out += ch
      if (ch === '\\') out += text[++i] ?? ''
      else if (ch === '"') inString = false
    } else if (ch === '"') {
      inString = true
      out += ch
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') out += ch
  }
  return out
}

/** `requests.post(url, a=1, ...)`, wrapped one argument per line when long. */
export function callExpression(assign: string, method: string, url: string, kwargs: string[]): string {
  const simple = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].includes(method)
  const fn = simple ? `requests.${method.toLowerCase()}` : 'requests.request'
  const args = simple ? [url, ...kwargs] : [pyString(method), url, ...kwargs]
  const oneLine = `${assign}${fn}(${args.join(', ')})`
  if (oneLine.length <= 100) return oneLine
  return `${assign}${fn}(\n${args.map((arg) => `    ${arg},`).join('\n')}\n)`
}
