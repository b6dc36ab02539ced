import sdk from 'postman-collection'
import type { CollectionImport, ImportedFolder, ImportedRequest } from '@shared/collections/import-types'
import { mapPostmanAuth } from '@shared/collections/postman-auth'
import { stripRequestSecrets } from '@shared/collections/secrets'
import { AppError } from '@shared/model/errors'
import type { KeyValue, MultipartPart, RequestBody, RequestSpec } from '@shared/model/request'
import { isCredentialParam } from '@shared/redaction/redact'
import { isOnlyPlaceholders } from '@shared/collections/credential-walk'
import { describeJsonError } from './json-location'
import {
  asText,
  authParams,
  descriptionText,
  PostmanCollectionSchema,
  PostmanUrlSchema,
  type PostmanAuthJson,
  type PostmanBody,
  type PostmanItem,
  type PostmanRequest
} from './postman-schema'

function fail(message: string): never {
  throw new AppError('INVALID_INPUT', `Cannot import the Postman collection: ${message}`)
}

const RAW_TYPES: Record<string, string> = {
  xml: 'application/xml',
  html: 'text/html',
  javascript: 'application/javascript',
  text: 'text/plain',
  json: 'application/json'
}

type Report = Pick<CollectionImport, 'droppedSecrets' | 'authMappings' | 'warnings'> & { scripts: number; reportedAuth: Set<string> }

function rows(list: PostmanRequest['header']): KeyValue[] {
  return (list ?? []).map((entry) => ({ name: entry.key ?? '', value: asText(entry.value), enabled: entry.disabled !== true }))
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Postman URL (normalised object or string) -> our URL without query, plus query rows. */
function mapUrl(url: PostmanRequest['url']): { url: string; query: KeyValue[] } {
  if (url === undefined) return { url: '', query: [] }
  const definition = typeof url === 'string' ? PostmanUrlSchema.parse(new sdk.Url(url).toJSON()) : url
  const query = (definition.query ?? []).map((entry) => ({
    name: safeDecode(entry.key ?? ''),
    value: safeDecode(asText(entry.value)),
    enabled: entry.disabled !== true
  }))
  // Url#toString fills in :path variables from their values; query rows are kept apart so they stay editable.
  const base = new sdk.Url({ ...(definition as object), query: [] } as sdk.UrlDefinition).toString()
  return { url: base, query }
}

function mapBody(body: PostmanBody | null | undefined, headers: KeyValue[], path: string, report: Report): RequestBody {
  if (!body || body.disabled === true || !body.mode) return { kind: 'none' }
  switch (body.mode) {
    case 'raw': {
      const text = body.raw ?? ''
      const language = body.options?.raw?.language ?? 'text'
      const header = headers.find((row) => row.name.toLowerCase() === 'content-type' && row.enabled)?.value
      if (language === 'json' || /json/i.test(header ?? '')) return { kind: 'json', text }
      return { kind: 'text', text, contentType: header ?? RAW_TYPES[language] ?? 'text/plain' }
    }
    case 'urlencoded':
      return { kind: 'form', fields: rows(body.urlencoded) }
    case 'formdata': {
      const parts: MultipartPart[] = []
      for (const entry of body.formdata ?? []) {
        const name = entry.key ?? ''
        if (entry.disabled === true || name === '') continue
        const contentType = entry.contentType ? { contentType: entry.contentType } : {}
        if (entry.type === 'file') {
          if (typeof entry.src === 'string' && entry.src !== '') parts.push({ kind: 'file', name, path: entry.src, ...contentType })
          else report.warnings.push(`${path}: form file "${name}" has no single file path and was skipped.`)
        } else parts.push({ kind: 'text', name, value: asText(entry.value), ...contentType })
      }
      return { kind: 'multipart', parts }
    }
    case 'graphql': {
      const variables = typeof body.graphql?.variables === 'string' ? safeJson(body.graphql.variables) : (body.graphql?.variables ?? {})
      report.warnings.push(`${path}: GraphQL body imported as a JSON body.`)
      return { kind: 'json', text: JSON.stringify({ query: body.graphql?.query ?? '', variables }, null, 2) }
    }
    default:
      report.warnings.push(`${path}: "${body.mode}" body (e.g. a binary file) cannot be imported; the body was left empty.`)
      return { kind: 'none' }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

interface Inherited {
  auth: PostmanAuthJson | undefined
  owner: string
}

function mapRequest(item: PostmanItem, path: string, inherited: Inherited, report: Report): ImportedRequest {
  const raw: PostmanRequest = typeof item.request === 'string' ? { url: item.request, method: 'GET' } : (item.request ?? {})
  const { url, query } = mapUrl(raw.url)
  const headers = rows(raw.header)
  const own = raw.auth ?? undefined
  const auth = own ?? inherited.auth
  const owner = own ? path : inherited.owner
  const mapped = mapPostmanAuth(auth ? { type: auth.type, params: authParams(auth) } : undefined, url)
  if (auth && !report.reportedAuth.has(owner)) {
    // Inherited auth is reported once, where it is defined, not for every request below it.
    report.reportedAuth.add(owner)
    report.authMappings.push({ path: owner, from: auth.type, to: mapped.to })
    for (const what of mapped.dropped) report.droppedSecrets.push({ path: owner, what })
    for (const warning of mapped.warnings) report.warnings.push(`${owner}: ${warning}`)
  }
  const spec: RequestSpec = {
    method: (raw.method ?? 'GET').toUpperCase(),
    url,
    query: [...query, ...mapped.query],
    headers: [...headers, ...mapped.headers],
    body: mapBody(raw.body, headers, path, report)
  }
  const { request, replaced } = stripRequestSecrets(spec)
  for (const hit of replaced) report.droppedSecrets.push({ path, what: `${hit.where} "${hit.name}" (now ${hit.placeholder})` })
  report.scripts += item.event?.length ?? 0
  const description = descriptionText(raw.description) || descriptionText(item.description)
  const enabledParam = (name: string): string | undefined => request.query.find((row) => row.enabled && row.name === name)?.value
  const index = enabledParam('index')
  const operation = enabledParam('operation')
  // Data Export iterator requests keep their index/operation as iterator settings too, so the iterator UI picks them up.
  const iterator = /\/dataexport\//.test(url) && index !== undefined && operation ? { index, operation } : null
  return {
    type: 'request',
    saved: {
      name: (item.name ?? '').trim() || `${spec.method} ${url}`.slice(0, 200),
      description,
      request,
      operationId: null,
      environmentId: null,
      auth: mapped.auth,
      iterator
    }
  }
}

function mapItems(items: PostmanItem[], parent: string, inherited: Inherited, report: Report): ImportedFolder['children'] {
  return items.map((item, index) => {
    const name = (item.name ?? '').trim() || `Item ${index + 1}`
    const path = parent === '' ? name : `${parent} / ${name}`
    if (item.item !== undefined) {
      report.scripts += item.event?.length ?? 0
      const next = item.auth ? { auth: item.auth, owner: path } : inherited
      return { type: 'folder', name: name.slice(0, 200), children: mapItems(item.item, path, next, report) }
    }
    return mapRequest(item, path, inherited, report)
  })
}

function countRequests(folder: ImportedFolder): number {
  return folder.children.reduce((sum, child) => sum + (child.type === 'folder' ? countRequests(child) : 1), 0)
}

/**
 * Reads a Postman Collection (v2.0 / v2.1) into folders and saved requests. Secret values (auth settings, literal
 * credentials in headers, query, URL or body, credential-named variables) are never copied: they become
 * `{{secret.NAME}}` placeholders or profile references and are listed in `droppedSecrets`.
 */
export function importPostmanCollection(text: string): CollectionImport {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    fail(`the file is ${describeJsonError(text)}.`)
  }
  const info = (raw as { info?: { schema?: unknown } } | null)?.info
  if (typeof raw !== 'object' || raw === null || !info) {
    fail('no "info" section; this is not a Postman v2 collection (a v1 export must be re-exported as v2.1).')
  }
  if (typeof info.schema === 'string' && !/\/v2\.[01]\.\d+\//.test(info.schema)) {
    fail(`unsupported schema "${info.schema}" (expected Collection v2.0 or v2.1).`)
  }
  let normalized: unknown
  try {
    normalized = new sdk.Collection(raw as sdk.CollectionDefinition).toJSON()
  } catch (error) {
    fail(`the collection could not be read (${(error as Error).message}).`)
  }
  const parsed = PostmanCollectionSchema.safeParse(normalized)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    fail(`${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}.`)
  }
  const collection = parsed.data
  const report: Report = { droppedSecrets: [], authMappings: [], warnings: [], scripts: collection.event?.length ?? 0, reportedAuth: new Set() }
  const name = (collection.info.name ?? '').trim() || 'Imported collection'
  const children = mapItems(collection.item, '', { auth: collection.auth ?? undefined, owner: '(collection)' }, report)
  const variables: KeyValue[] = (collection.variable ?? []).map((entry) => {
    const key = entry.key ?? ''
    const value = asText(entry.value)
    if (isCredentialParam(key) && value !== '' && !isOnlyPlaceholders(value)) {
      report.droppedSecrets.push({ path: '(collection variables)', what: `variable "${key}"` })
      return { name: key, value: '', enabled: true }
    }
    return { name: key, value, enabled: entry.disabled !== true }
  })
  if (report.scripts > 0) report.warnings.push(`${report.scripts} pre-request/test script(s) were not imported: scripts do not run here.`)
  const root: ImportedFolder = { type: 'folder', name, children }
  const { scripts: _scripts, reportedAuth: _reported, ...rest } = report
  return { name, root, variables, ...rest, requestCount: countRequests(root) }
}
