import type { Environment } from '../model/environment'
import type { RequestSpec } from '../model/request'

/*
 * The request as it will be sent, for a live preview in the renderer: `{{variables}}` resolved the way main resolves
 * them at send time (environment variables, plus baseUrl), except secrets. The renderer never has secret values, so
 * `{{secret.NAME}}` stays a masked placeholder, and an unknown variable is marked rather than left silently.
 */

export type PreviewSegment =
  | { kind: 'text'; text: string }
  /** A resolved variable: `text` is its value. */
  | { kind: 'var'; name: string; text: string }
  /** `{{secret.NAME}}`: filled in by main at send time; the preview shows only the name. */
  | { kind: 'secret'; name: string }
  /** A secret variable of the environment: its value is in main's vault; the preview shows only the name. */
  | { kind: 'secret-var'; name: string }
  | { kind: 'unknown'; name: string }

export interface PreviewLine {
  name: PreviewSegment[]
  value: PreviewSegment[]
}

export interface RequestPreview {
  method: string
  url: PreviewSegment[]
  headers: PreviewLine[]
  /** Form fields as name/value lines; JSON and text bodies as one value; null without a body. */
  body: { kind: 'lines'; lines: PreviewLine[] } | { kind: 'text'; text: PreviewSegment[]; truncated: boolean } | null
  /** Unknown variable names, each once, in order of appearance. */
  unknown: string[]
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/g
/** A preview of a multi-megabyte body helps nobody and would cost every keystroke. */
const BODY_PREVIEW_CHARS = 20_000
const NO_NAMES: ReadonlySet<string> = new Set()

export function variableLookup(environment: Environment | null): Map<string, string> {
  const lookup = new Map<string, string>()
  if (!environment) return lookup
  lookup.set('baseUrl', environment.baseUrl)
  for (const variable of environment.variables) if (variable.enabled && variable.secret !== true) lookup.set(variable.name, variable.value)
  return lookup
}

/** Splits `text` into literal text and placeholders, each resolved, masked or marked unknown. */
export function previewSegments(text: string, lookup: ReadonlyMap<string, string>, secretVariables: ReadonlySet<string> = NO_NAMES): PreviewSegment[] {
  const out: PreviewSegment[] = []
  let last = 0
  for (const match of text.matchAll(PLACEHOLDER)) {
    const index = match.index
    const name = match[1] ?? ''
    if (index > last) out.push({ kind: 'text', text: text.slice(last, index) })
    const value = name.startsWith('secret.') ? undefined : lookup.get(name)
    if (name.startsWith('secret.')) out.push({ kind: 'secret', name: name.slice('secret.'.length) })
    else if (secretVariables.has(name)) out.push({ kind: 'secret-var', name })
    else if (value === undefined) out.push({ kind: 'unknown', name })
    else out.push({ kind: 'var', name, text: value })
    last = index + match[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

/** The plain text of segments (secrets and unknowns as their placeholders), e.g. for a copy or a test. */
export function segmentsText(segments: readonly PreviewSegment[]): string {
  return segments
    .map((s) => (s.kind === 'secret' ? `{{secret.${s.name}}}` : s.kind === 'unknown' || s.kind === 'secret-var' ? `{{${s.name}}}` : s.text))
    .join('')
}

export function previewRequest(spec: RequestSpec, environment: Environment | null): RequestPreview {
  const lookup = variableLookup(environment)
  const secretVariables = new Set(environment?.variables.filter((row) => row.enabled && row.secret === true).map((row) => row.name) ?? [])
  const seg = (text: string): PreviewSegment[] => previewSegments(text, lookup, secretVariables)
  const lines = (rows: RequestSpec['headers']): PreviewLine[] =>
    rows.filter((row) => row.enabled && row.name.trim() !== '').map((row) => ({ name: seg(row.name), value: seg(row.value) }))

  // Same join rule as main (joinBaseUrl): a path-only URL goes after the environment's base URL.
  const path = seg(spec.url.trim())
  const resolvedStart = segmentsText(path)
  const base = environment?.baseUrl.replace(/\/+$/, '') ?? ''
  const joins = base !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(resolvedStart) && (resolvedStart === '' || resolvedStart.startsWith('/'))
  const url: PreviewSegment[] = joins ? [{ kind: 'text', text: base }, ...path] : path
  const query = lines(spec.query)
  query.forEach((row, i) => url.push({ kind: 'text', text: i === 0 && !resolvedStart.includes('?') ? '?' : '&' }, ...row.name, { kind: 'text', text: '=' }, ...row.value))

  let body: RequestPreview['body'] = null
  const b = spec.body
  if (b.kind === 'json' || b.kind === 'text') {
    body = { kind: 'text', text: seg(b.text.slice(0, BODY_PREVIEW_CHARS)), truncated: b.text.length > BODY_PREVIEW_CHARS }
  } else if (b.kind === 'form') {
    body = { kind: 'lines', lines: lines(b.fields) }
  } else if (b.kind === 'multipart') {
    body = {
      kind: 'lines',
      lines: b.parts.map((part) => ({ name: seg(part.name), value: part.kind === 'text' ? seg(part.value) : [{ kind: 'text', text: `<file ${part.filename ?? part.path}>` }] }))
    }
  }

  const unknown = new Set<string>()
  const collect = (segments: readonly PreviewSegment[]): void => segments.forEach((s) => s.kind === 'unknown' && unknown.add(s.name))
  collect(url)
  for (const line of [...lines(spec.headers), ...(body?.kind === 'lines' ? body.lines : [])]) {
    collect(line.name)
    collect(line.value)
  }
  if (body?.kind === 'text') collect(body.text)
  return { method: spec.method.trim().toUpperCase(), url, headers: lines(spec.headers), body, unknown: [...unknown] }
}
