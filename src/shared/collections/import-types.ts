import type { KeyValue } from '../model/request'
import type { SavedRequest } from './saved-request'

/** A request read from a foreign format, ready to save; the repository assigns its id. */
export interface ImportedRequest {
  type: 'request'
  saved: Omit<SavedRequest, 'id'>
}

export interface ImportedFolder {
  type: 'folder'
  name: string
  children: ImportedNode[]
}

export type ImportedNode = ImportedRequest | ImportedFolder

/** A credential value that was in the imported file and was NOT copied (path = folder/request names joined by " / "). */
export interface DroppedSecret {
  path: string
  what: string
}

/** How a foreign auth setting was mapped to ours (profile kind, a header/param placeholder, or nothing). */
export interface AuthMapping {
  path: string
  from: string
  to: string
}

export interface CollectionImport {
  name: string
  root: ImportedFolder
  /** Collection variables (e.g. baseUrl) to offer as environment variables; credential values are blanked. */
  variables: KeyValue[]
  droppedSecrets: DroppedSecret[]
  authMappings: AuthMapping[]
  warnings: string[]
  requestCount: number
}
