import type { CatalogOperation, CatalogParameter, CatalogRequestBody, JsonSchemaObject, JsonValue } from '@shared/catalog/types'
import type { BodyKind } from '@shared/model/request'
import { initialDraft, newRowId, type KeyValueRow, type MultipartRow, type RequestDraft } from '../request-editor/request-draft'
import { pathValues, rowValues } from '../request-editor/param-rules'
import { isCredential, ruleFor } from './param-kind'

/** Values typed into the parameter form, keyed by paramKey(). */
export type ParamValues = Readonly<Record<string, string>>

/**
 * The form edits path, query and header parameters; cookies are left to the Headers tab, and credentials (a token
 * query parameter, an API key header) to the environment's auth, which main adds.
 */
export function formParameters(op: CatalogOperation): CatalogParameter[] {
  return op.parameters.filter((p) => p.in !== 'cookie' && !isCredential(p.name, p.in))
}

/**
 * A query array sent as one row per item (`ids=a&ids=b`): OpenAPI's default for query parameters (style form,
 * explode true) unless the document says `explode: false` (then `ids=a,b`).
 */
export function exploded(p: CatalogParameter): boolean {
  return p.in === 'query' && p.schema.type === 'array' && p.explode !== false
}

/**
 * The form's values read from the draft, so the form, the URL bar and the Params / Headers tabs show one request:
 * path parameters through the operation's path template, query and header ones from the first enabled row.
 */
export function valuesFromDraft(op: CatalogOperation, draft: Pick<RequestDraft, 'url' | 'query' | 'headers'>): Record<string, string> {
  const paths = pathValues(op.path, draft.url)
  const values: Record<string, string> = {}
  for (const p of formParameters(op)) {
    const rows = p.in === 'path' ? [paths?.get(p.name) ?? ''] : rowValues(ruleFor(p), draft.query, draft.headers)
    values[paramKey(p)] = exploded(p) ? rows.filter((value) => value !== '').join(',') : (rows[0] ?? '')
  }
  return values
}

export function paramKey(p: Pick<CatalogParameter, 'in' | 'name'>): string {
  return `${p.in}:${p.name}`
}

/** How a JSON value is typed into a text field: strings as is, scalar arrays comma-separated, the rest as JSON. */
export function valueText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.map((v) => String(v)).join(',')
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}

/** The type shown next to a parameter: "integer", "string (date-time)", "array of string", "string | integer". */
export function typeLabel(p: CatalogParameter): string {
  const schema = p.schema
  const type = schema.type
  const format = typeof schema.format === 'string' ? ` (${schema.format})` : ''
  if (type === 'array') {
    const items = schema.items
    const itemType = items && typeof items === 'object' && !Array.isArray(items) && typeof items.type === 'string' ? items.type : 'value'
    return `array of ${itemType}`
  }
  if (typeof type === 'string') return `${type}${format}`
  if (Array.isArray(type)) return type.join(' | ')
  const union = schema.anyOf ?? schema.oneOf
  if (Array.isArray(union)) {
    const types = union.map((b) => (b && typeof b === 'object' && !Array.isArray(b) && typeof b.type === 'string' ? b.type : '?'))
    return [...new Set(types)].join(' | ')
  }
  return 'value'
}

/** Required parameters start with their default (sending it changes nothing); optional ones show it greyed. */
export function initialValues(op: CatalogOperation): Record<string, string> {
  const values: Record<string, string> = {}
  for (const p of formParameters(op)) values[paramKey(p)] = p.required && p.default !== undefined ? valueText(p.default) : ''
  return values
}

export function exampleValues(op: CatalogOperation, values: ParamValues): Record<string, string> {
  const next: Record<string, string> = { ...values }
  for (const p of formParameters(op)) {
    if (p.example !== undefined) next[paramKey(p)] = valueText(p.example)
  }
  return next
}

export function missingRequired(op: CatalogOperation, values: ParamValues): string[] {
  return formParameters(op)
    .filter((p) => p.required && (values[paramKey(p)] ?? '').trim() === '')
    .map((p) => p.name)
}

/** The path with its parameters substituted (encoded); an empty one stays `{name}` so the gap is visible. */
export function buildPath(op: CatalogOperation, values: ParamValues): string {
  return op.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = values[paramKey({ in: 'path', name })] ?? ''
    return value === '' ? whole : encodeURIComponent(value)
  })
}

/**
 * Rows for the parameters of one location, merged into what the editor already has: rows named after a
 * parameter of this operation are rewritten (reusing their ids so React keeps focus), other rows the user added
 * stay after them.
 */
function mergeRows(op: CatalogOperation, where: 'query' | 'header', values: ParamValues, existing: readonly KeyValueRow[]): KeyValueRow[] {
  const params = formParameters(op).filter((p) => p.in === where)
  const owned = new Set(params.map((p) => (where === 'header' ? p.name.toLowerCase() : p.name)))
  const rows: KeyValueRow[] = []
  for (const p of params) {
    const value = values[paramKey(p)] ?? ''
    if (value === '') continue
    const prior = existing.filter((row) => (where === 'header' ? row.name.toLowerCase() === p.name.toLowerCase() : row.name === p.name))
    const items = exploded(p) ? value.split(',').filter((item) => item !== '') : [value]
    items.forEach((item, i) => rows.push({ id: prior[i]?.id ?? newRowId(), name: p.name, value: item, enabled: true }))
  }
  const others = existing.filter((row) => !owned.has(where === 'header' ? row.name.toLowerCase() : row.name))
  return [...rows, ...others]
}

/** What the form changes in the request draft after an edit: URL, query rows and header rows. */
export function formPatch(op: CatalogOperation, values: ParamValues, draft: Pick<RequestDraft, 'query' | 'headers'>): Partial<RequestDraft> {
  return {
    url: buildPath(op, values),
    query: mergeRows(op, 'query', values, draft.query),
    headers: mergeRows(op, 'header', values, draft.headers)
  }
}

export function prettyJson(value: JsonValue): string {
  return JSON.stringify(value, null, 2)
}

function bodyKindFor(contentType: string): BodyKind {
  if (/json/i.test(contentType)) return 'json'
  if (/multipart\/form-data/i.test(contentType)) return 'multipart'
  if (/x-www-form-urlencoded/i.test(contentType)) return 'form'
  return 'text'
}

function isSchema(value: unknown): value is JsonSchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The fields of a form or multipart body: the schema's properties, valued from the first example. */
function bodyFields(body: CatalogRequestBody): Array<{ name: string; value: string; file: boolean }> {
  const properties = isSchema(body.schema.properties) ? body.schema.properties : {}
  const example = body.examples[0]?.value
  const values = isSchema(example) ? example : {}
  return Object.entries(properties)
    .filter(([name]) => !isCredential(name, 'body'))
    .map(([name, schema]) => {
      const file =
        isSchema(schema) && (schema.format === 'binary' || schema.format === 'base64' || typeof schema.contentMediaType === 'string')
      return { name, value: valueText(values[name]), file }
    })
}

/** Form and multipart bodies start with one row per documented field (file fields wait for a file). */
function bodyRows(body: CatalogRequestBody, kind: BodyKind): Partial<RequestDraft> {
  const fields = bodyFields(body)
  if (kind === 'form') return { form: fields.map((f) => ({ id: newRowId(), name: f.name, value: f.value, enabled: true })) }
  const multipart: MultipartRow[] = fields.map((f) => ({
    id: newRowId(),
    enabled: true,
    kind: f.file ? 'file' : 'text',
    name: f.name,
    value: f.file ? '' : f.value,
    path: null
  }))
  return { multipart }
}

/**
 * A fresh request for an operation: method, the path relative to the environment (main joins a path-only URL
 * with the environment's base URL), its parameters' initial values, the first request example as the body, and the
 * parameter rules a send is checked against. Nothing of the request open before is kept: every field is set.
 */
export function draftForOperation(op: CatalogOperation): RequestDraft {
  const values = initialValues(op)
  const patch: RequestDraft = {
    ...initialDraft(),
    operation: { path: op.path, rules: formParameters(op).map(ruleFor) },
    method: op.method.toUpperCase(),
    ...formPatch(op, values, { query: [], headers: [] }),
    bodyKind: 'none'
  }
  const body = op.requestBody
  if (body) {
    const kind = bodyKindFor(body.contentType)
    patch.bodyKind = kind
    const first = body.examples[0]
    if (kind === 'json') patch.jsonText = first ? prettyJson(first.value) : '{\n  \n}'
    if (kind === 'form' || kind === 'multipart') Object.assign(patch, bodyRows(body, kind))
    if (kind === 'text') {
      patch.textContentType = body.contentType
      patch.text = first ? valueText(first.value) : ''
    }
  }
  return patch
}

/** The full URL the request goes to, for the live preview (the real join happens in main). */
export function previewUrl(baseUrl: string, path: string, query: readonly KeyValueRow[]): string {
  const base = baseUrl.replace(/\/+$/, '')
  const pairs = query
    .filter((row) => row.enabled && row.name.trim() !== '')
    .map((row) => `${encodeURIComponent(row.name)}=${encodeURIComponent(row.value)}`)
  const full = /^https?:\/\//i.test(path) ? path : `${base}${path}`
  return pairs.length > 0 ? `${full}${full.includes('?') ? '&' : '?'}${pairs.join('&')}` : full
}
