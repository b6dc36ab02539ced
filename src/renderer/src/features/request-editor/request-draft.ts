import type { BodyKind, KeyValue, MultipartPart, RequestSpec } from '@shared/model/request'
import type { AppErrorShape } from '@shared/model/errors'
import { urlWithoutQuery } from '@shared/model/url-query'
import { parameterProblem, type DraftOperation } from './param-rules'

/** A table row as edited; `id` only keeps React keys stable while rows are added and removed. */
export interface KeyValueRow extends KeyValue {
  id: string
}

export interface MultipartRow {
  id: string
  enabled: boolean
  kind: 'text' | 'file'
  name: string
  /** Text parts: the value. */
  value: string
  /** File parts: absolute path picked through the main-process dialog. */
  path: string | null
}

/** Everything the request editor holds, including the bodies of kinds not currently selected. */
export interface RequestDraft {
  method: string
  url: string
  query: KeyValueRow[]
  headers: KeyValueRow[]
  bodyKind: BodyKind
  jsonText: string
  text: string
  textContentType: string
  form: KeyValueRow[]
  multipart: MultipartRow[]
  /** The catalog operation this request was opened from: its parameter rules are checked before a send. */
  operation?: DraftOperation | null
}

let rowCounter = 0
export function newRowId(): string {
  rowCounter += 1
  return `row-${rowCounter}`
}

export function emptyRow(): KeyValueRow {
  return { id: newRowId(), name: '', value: '', enabled: true }
}

export function emptyMultipartRow(kind: MultipartRow['kind']): MultipartRow {
  return { id: newRowId(), enabled: true, kind, name: '', value: '', path: null }
}

export function initialDraft(): RequestDraft {
  return {
    method: 'GET',
    url: '',
    query: [],
    headers: [],
    bodyKind: 'none',
    jsonText: '{\n  \n}',
    text: '',
    textContentType: 'text/plain',
    form: [],
    multipart: [],
    operation: null
  }
}

/** Blank rows (no name) are editing leftovers, not something the user means to send. */
function rows(items: KeyValueRow[]): KeyValue[] {
  return items.filter((row) => row.name.trim() !== '').map(({ name, value, enabled }) => ({ name, value, enabled }))
}

function multipartParts(items: MultipartRow[]): MultipartPart[] {
  const parts: MultipartPart[] = []
  for (const row of items) {
    if (!row.enabled || row.name.trim() === '') continue
    if (row.kind === 'text') parts.push({ kind: 'text', name: row.name, value: row.value })
    else if (row.path) parts.push({ kind: 'file', name: row.name, path: row.path })
  }
  return parts
}

/** The request as sent: the URL bar's query string is the Params rows (query-sync.ts), so the URL goes without it. */
export function toSpec(draft: RequestDraft): RequestSpec {
  const base = { method: draft.method, url: urlWithoutQuery(draft.url.trim()), query: rows(draft.query), headers: rows(draft.headers) }
  switch (draft.bodyKind) {
    case 'none':
      return { ...base, body: { kind: 'none' } }
    case 'json':
      return { ...base, body: { kind: 'json', text: draft.jsonText } }
    case 'text':
      return {
        ...base,
        body: draft.textContentType.trim()
          ? { kind: 'text', text: draft.text, contentType: draft.textContentType.trim() }
          : { kind: 'text', text: draft.text }
      }
    case 'form':
      return { ...base, body: { kind: 'form', fields: rows(draft.form) } }
    case 'multipart':
      return { ...base, body: { kind: 'multipart', parts: multipartParts(draft.multipart) } }
  }
}

/**
 * Why the JSON body does not parse, or null when it does (or is empty). `{{variables}}` make text invalid JSON
 * before resolution, so the warning is advisory: the request is still sent.
 */
export function jsonProblem(text: string): string | null {
  if (text.trim() === '') return null
  try {
    JSON.parse(text)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : 'invalid JSON'
  }
}

/** Problems that make a send pointless, reported before anything leaves the renderer. */
export function draftProblem(draft: RequestDraft): AppErrorShape | null {
  if (urlWithoutQuery(draft.url.trim()) === '') {
    return { code: 'INVALID_URL', message: 'The URL is empty.', hint: 'Enter a URL such as https://api.example.com/v1/items.' }
  }
  const parameters = parameterProblem(draft)
  if (parameters) return parameters
  const missingFile =
    draft.bodyKind === 'multipart' && draft.multipart.find((row) => row.enabled && row.kind === 'file' && !row.path)
  if (missingFile) {
    return {
      code: 'INVALID_BODY',
      message: `Multipart part "${missingFile.name || '(unnamed)'}" has no file.`,
      hint: 'Choose a file for it, or untick the part.'
    }
  }
  return null
}
