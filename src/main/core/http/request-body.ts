import { openAsBlob } from 'node:fs'
import { basename } from 'node:path'
import { FormData } from 'undici'
import type { RequestBody } from '@shared/model/request'
import { AppError } from '@shared/model/errors'
import { checkJson } from './json-check'

export interface PreparedBody {
  /** What undici sends: a string is encoded as UTF-8; FormData is streamed (file parts read from disk as sent). */
  body: string | FormData | null
  /** Content type to add when the user did not set one (null: none). */
  contentType: string | null
  /** Multipart needs its own generated boundary, so the user's Content-Type header must be dropped. */
  replaceContentType: boolean
  warnings: string[]
}

const NONE: PreparedBody = { body: null, contentType: null, replaceContentType: false, warnings: [] }

export async function prepareBody(body: RequestBody): Promise<PreparedBody> {
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
    case 'multipart': {
      const form = new FormData()
      for (const part of body.parts) {
        if (part.kind === 'text') {
          if (part.contentType) form.append(part.name, new Blob([part.value], { type: part.contentType }), '')
          else form.append(part.name, part.value)
          continue
        }
        const file = await openFile(part.path, part.name)
        // openAsBlob reads lazily, so a 1 GB upload is never held in memory.
        const typed = part.contentType ? file.slice(0, file.size, part.contentType) : file
        form.append(part.name, typed, part.filename ?? basename(part.path))
      }
      return { body: form, contentType: null, replaceContentType: true, warnings: [] }
    }
  }
}

async function openFile(path: string, partName: string): Promise<Blob> {
  try {
    return await openAsBlob(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('FILE_NOT_FOUND', `The file for multipart part "${partName}" was not found: ${path}`)
    }
    if (code === 'EISDIR') throw new AppError('INVALID_BODY', `Multipart part "${partName}" points to a folder, not a file: ${path}`)
    if (code === 'EACCES' || code === 'EPERM') {
      throw new AppError('INVALID_BODY', `The file for multipart part "${partName}" cannot be read (permission denied): ${path}`)
    }
    throw new AppError('INVALID_BODY', `The file for multipart part "${partName}" cannot be read (${code ?? 'unknown error'}): ${path}`)
  }
}
