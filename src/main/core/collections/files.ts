import { stableStringify } from '@shared/collections/stable-json'
import {
  COLLECTION_FORMAT_VERSION,
  FolderManifestSchema,
  RequestFileSchema,
  type FolderManifest,
  type SavedRequest
} from '@shared/collections/saved-request'
import type { z } from 'zod'
import { describeJsonError } from './json-location'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }

function parseWith<S extends z.ZodType>(text: string, schema: S): Parsed<z.output<S>> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: describeJsonError(text) }
  }
  const result = schema.safeParse(json)
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : ''
  return { ok: false, reason: issues.join('; ') + more }
}

export function parseRequestText(text: string): Parsed<SavedRequest> {
  const parsed = parseWith(text, RequestFileSchema)
  if (!parsed.ok) return parsed
  const { formatVersion: _version, ...saved } = parsed.value
  return { ok: true, value: saved }
}

/** Canonical bytes of a request file: the same request always serialises to the same text. */
export function serializeRequest(saved: SavedRequest): string {
  return stableStringify({ formatVersion: COLLECTION_FORMAT_VERSION, ...saved })
}

export function parseManifestText(text: string): Parsed<FolderManifest> {
  return parseWith(text, FolderManifestSchema)
}

export function serializeManifest(manifest: Omit<FolderManifest, 'formatVersion'>): string {
  return stableStringify({ formatVersion: COLLECTION_FORMAT_VERSION, name: manifest.name, order: manifest.order, variables: manifest.variables })
}
