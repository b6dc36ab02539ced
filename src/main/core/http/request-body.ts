import type { RequestBody } from '@shared/model/request'
import { checkJson } from './json-check'
import { MultipartBody } from './multipart'

export interface PreparedBody {
  /** What is sent: a string as UTF-8; a multipart body is streamed (file parts read from disk as sent). */
  body: string | MultipartBody | null
  /** Content type to add when the user did not set one (null: none). */
  contentType: string | null
  /** Multipart needs its own generated boundary, so the user's Content-Type header is replaced. */
  replaceContentType: boolean
  warnings: string[]
}

const NONE: PreparedBody = { body: null, contentType: null, replaceContentType: false, warnings: [] }

/** Synchronous except for multipart (it stats its files), so the common sends skip an await. */
export function prepareBody(body: RequestBody): PreparedBody | Promise<PreparedBody> {
  switch (body.kind) {
    case 'none':
      return NONE
    case 'json': {
      const warnings: string[] = []
      const problem = checkJson(body.text)
      if (problem) {
        warnings.push(
          `The JSON body is not valid JSON (line ${problem.line}, column ${problem.column}: ${problem.message}); it was sent as written.`
        )
      }
      return { body: body.text, contentType: 'application/json', replaceContentType: false, warnings }
    }
    case 'text':
      return { body: body.text, contentType: body.contentType?.trim() || null, replaceContentType: false, warnings: [] }
    case 'form': {
      const params = new URLSearchParams()
      for (const field of body.fields) if (field.enabled) params.append(field.name, field.value)
      return {
        body: params.toString(),
        contentType: 'application/x-www-form-urlencoded',
        replaceContentType: false,
        warnings: []
      }
    }
    case 'multipart':
      return MultipartBody.build(body.parts).then((multipart) => ({
        body: multipart,
        contentType: multipart.contentType,
        replaceContentType: true,
        warnings: []
      }))
  }
}
