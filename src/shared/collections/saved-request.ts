import { z } from 'zod'
import { AuthProfileSchema } from '../model/auth'
import { KeyValueSchema, RequestSpecSchema } from '../model/request'

/** Version of the on-disk collection format; bumped only with a migration. */
export const COLLECTION_FORMAT_VERSION = 1

/** Data Export iterator settings remembered with a request (the index name and the operation to start with). */
export const IteratorSettingsSchema = z.object({
  index: z.string().max(256),
  operation: z.string().min(1).max(64)
})
export type IteratorSettings = z.infer<typeof IteratorSettingsSchema>

/**
 * Which auth a saved request uses. 'environment' (the default) applies the selected environment's profile;
 * 'profile' pins a profile kind. Profiles never hold secret values, so they are safe to write to disk.
 */
export const AuthRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('environment') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('profile'), profile: AuthProfileSchema })
])
export type AuthRef = z.infer<typeof AuthRefSchema>

export const SavedRequestSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(100_000).default(''),
  request: RequestSpecSchema,
  /** Catalog operation the request was built from, if any. */
  operationId: z.string().max(256).nullable().default(null),
  /** Environment chosen when the request was saved; null = whichever is selected. */
  environmentId: z.string().max(128).nullable().default(null),
  auth: AuthRefSchema.default({ kind: 'environment' }),
  iterator: IteratorSettingsSchema.nullable().default(null)
})
export type SavedRequest = z.infer<typeof SavedRequestSchema>
/** What callers pass in: defaults may be left out. */
export type SavedRequestInput = z.input<typeof SavedRequestSchema>

/** `<slug>.request.json`: one saved request. */
export const RequestFileSchema = SavedRequestSchema.extend({ formatVersion: z.literal(COLLECTION_FORMAT_VERSION) })

/**
 * `collection.json` at the root and `folder.json` in each sub-folder: display name and the order of entries
 * (file or directory names). Entries on disk but not listed (e.g. added by a git merge) are shown after the
 * listed ones, by name; listed names that no longer exist are skipped.
 */
export const FolderManifestSchema = z.object({
  formatVersion: z.literal(COLLECTION_FORMAT_VERSION),
  name: z.string().trim().min(1).max(200),
  order: z.array(z.string().max(255)).default([]),
  /** Collection variables (collection.json only), e.g. from a Postman import; never secret values. */
  variables: z.array(KeyValueSchema).max(500).optional()
})
export type FolderManifest = z.infer<typeof FolderManifestSchema>

export const REQUEST_FILE_SUFFIX = '.request.json'
export const COLLECTION_MANIFEST = 'collection.json'
export const FOLDER_MANIFEST = 'folder.json'

/** Paths in the API are relative to the collection root, '/'-separated; '' is the root folder. */
export interface RequestNode {
  type: 'request'
  path: string
  id: string
  name: string
  method: string
  url: string
  operationId: string | null
}

export interface FolderNode {
  type: 'folder'
  path: string
  name: string
  children: CollectionNode[]
}

export type CollectionNode = RequestNode | FolderNode

/** A file that could not be read as a request or manifest. It is reported and never rewritten. */
export interface CollectionProblem {
  path: string
  reason: string
}

export interface CollectionTree {
  /** Absolute folder on disk. */
  folder: string
  name: string
  /** 'missing': the folder has no collection.json (opened as a plain folder of request files). */
  manifest: 'ok' | 'missing' | 'corrupt'
  root: FolderNode
  problems: CollectionProblem[]
  requestCount: number
}
