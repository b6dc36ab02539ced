import type { KeyValue, RequestSpec } from '@shared/model/request'
import { initialDraft, newRowId, type KeyValueRow, type MultipartRow, type RequestDraft } from '../request-editor/request-draft'

const rows = (items: KeyValue[]): KeyValueRow[] => items.map((item) => ({ id: newRowId(), name: item.name, value: item.value, enabled: item.enabled }))

/** The editor's draft for a saved, history or imported request (the inverse of toSpec). */
export function specToDraft(spec: RequestSpec): RequestDraft {
  const draft: RequestDraft = { ...initialDraft(), method: spec.method.toUpperCase(), url: spec.url, query: rows(spec.query), headers: rows(spec.headers) }
  const body = spec.body
  switch (body.kind) {
    case 'none':
      return { ...draft, bodyKind: 'none' }
    case 'json':
      return { ...draft, bodyKind: 'json', jsonText: body.text }
    case 'text':
      return { ...draft, bodyKind: 'text', text: body.text, textContentType: body.contentType ?? '' }
    case 'form':
      return { ...draft, bodyKind: 'form', form: rows(body.fields) }
    case 'multipart':
      return {
        ...draft,
        bodyKind: 'multipart',
        multipart: body.parts.map(
          (part): MultipartRow =>
            part.kind === 'text'
              ? { id: newRowId(), enabled: true, kind: 'text', name: part.name, value: part.value, path: null }
              : { id: newRowId(), enabled: true, kind: 'file', name: part.name, value: '', path: part.path }
        )
      }
  }
}
