import type { KeyValue, RequestBody } from '@shared/model/request'
import type { HeaderPair } from '@shared/model/response'
import { secretMasker } from '@shared/redaction/secret-values'
import { keptPreview, type HistoryInput } from './build-entry'

type Mask = (text: string) => string

/**
 * The send with every form of its secret values (HistoryInput.secretValues: the vault values its {{secret.*}}
 * resolved to, the environment's credential, a login's token) masked in every field history writes: the request as
 * typed, the URL sent, the response headers and preview, the error. Name-based redaction (buildHistoryEntry) still
 * runs after this; it cannot know that an innocent-looking header or query row carried a secret. The preview is first
 * cut to what history keeps (keptPreview), so a 256 KiB preview is not masked whole to keep 8 KiB of it.
 */
export function maskHistoryInput(input: HistoryInput, previewBytes: number): HistoryInput {
  const values = input.secretValues
  if (values === undefined || values.length === 0) return input
  const mask = secretMasker(values)
  const { spec, result, error } = input
  const masked: HistoryInput = {
    ...input,
    spec: { method: spec.method, url: mask(spec.url), query: rows(spec.query, mask), headers: rows(spec.headers, mask), body: body(spec.body, mask) }
  }
  if (input.sentUrl !== undefined) masked.sentUrl = mask(input.sentUrl)
  if (error) {
    masked.error = { code: error.code, message: mask(error.message) }
    if (error.hint !== undefined) masked.error.hint = mask(error.hint)
  }
  if (input.run) masked.run = { ...input.run, pageList: input.run.pageList.map((page) => (page.note === null ? page : { ...page, note: mask(page.note) })) }
  if (result) {
    const preview = keptPreview(result.preview, previewBytes)
    masked.result = {
      ...result,
      headers: result.headers.map(([name, value]): HeaderPair => [name, mask(value)]),
      preview: preview.binary ? preview : { ...preview, text: mask(preview.text) },
      requestEcho: { url: mask(result.requestEcho.url) }
    }
  }
  return masked
}

function rows(list: KeyValue[], mask: Mask): KeyValue[] {
  return list.map((row) => ({ name: mask(row.name), value: mask(row.value), enabled: row.enabled }))
}

function body(value: RequestBody, mask: Mask): RequestBody {
  switch (value.kind) {
    case 'json':
    case 'text':
      return { ...value, text: mask(value.text) }
    case 'form':
      return { kind: 'form', fields: rows(value.fields, mask) }
    case 'multipart':
      return { kind: 'multipart', parts: value.parts.map((part) => (part.kind === 'text' ? { ...part, value: mask(part.value) } : part)) }
    case 'none':
      return value
  }
}
