import { createHash } from 'node:crypto'
import sdk from 'postman-collection'
import { profileToPostman } from '@shared/collections/postman-auth'
import type { SavedRequest } from '@shared/collections/saved-request'
import { stripRequestSecrets, type SecretReplacement } from '@shared/collections/secrets'
import type { RequestBody } from '@shared/model/request'
import { loadForExport, type LoadedFolder, type LoadedRequest } from './collect'
import type { CollectionRepository } from './repository'
import { readManifest } from './manifests'
import { isCredentialParam } from '@shared/redaction/redact'

const SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json'

/** A UUID-shaped id derived from text, so exporting the same collection twice gives the same file. */
function stableId(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
}

/** Raw body languages and the Content-Type Postman sends for each (so only other types need an explicit header). */
const LANGUAGES: Array<[RegExp, string, string]> = [
  [/json/i, 'json', 'application/json'],
  [/xml/i, 'xml', 'application/xml'],
  [/html/i, 'html', 'text/html'],
  [/javascript/i, 'javascript', 'application/javascript']
]

function bodyDefinition(body: RequestBody): { body?: sdk.RequestBodyDefinition; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {}
    case 'json':
      return { body: { mode: 'raw', raw: body.text, options: { raw: { language: 'json' } } } as sdk.RequestBodyDefinition }
    case 'text': {
      const [, language, implied] = LANGUAGES.find(([pattern]) => pattern.test(body.contentType ?? '')) ?? [null, 'text', 'text/plain']
      const definition = { mode: 'raw', raw: body.text, options: { raw: { language } } } as sdk.RequestBodyDefinition
      const explicit = body.contentType && body.contentType !== implied ? { contentType: body.contentType } : {}
      return { body: definition, ...explicit }
    }
    case 'form':
      return { body: { mode: 'urlencoded', urlencoded: body.fields.map((f) => ({ key: f.name, value: f.value, disabled: !f.enabled })) } }
    case 'multipart':
      return {
        body: {
          mode: 'formdata',
          formdata: body.parts.map((part) =>
            part.kind === 'text'
              ? { key: part.name, value: part.value, type: 'text', ...(part.contentType ? { contentType: part.contentType } : {}) }
              : { key: part.name, src: part.path, type: 'file', ...(part.contentType ? { contentType: part.contentType } : {}) }
          )
        } as sdk.RequestBodyDefinition
      }
  }
}

function requestItem(loaded: LoadedRequest, replaced: Array<SecretReplacement & { path: string }>): sdk.ItemDefinition {
  const saved: SavedRequest = loaded.saved
  const stripped = stripRequestSecrets(saved.request)
  replaced.push(...stripped.replaced.map((hit) => ({ ...hit, path: loaded.path })))
  const spec = stripped.request
  const url = new sdk.Url(spec.url).toJSON() as sdk.UrlDefinition & { query?: sdk.QueryParamDefinition[] }
  url.query = [...(url.query ?? []), ...spec.query.map((row) => ({ key: row.name, value: row.value, disabled: !row.enabled }))]
  const raw = new sdk.Url(url).toString()
  const { body, contentType } = bodyDefinition(spec.body)
  const header = spec.headers.map((row) => ({ key: row.name, value: row.value, disabled: !row.enabled }))
  if (contentType && !spec.headers.some((row) => row.name.toLowerCase() === 'content-type')) {
    header.push({ key: 'Content-Type', value: contentType, disabled: false })
  }
  const auth = profileToPostman(saved.auth, raw)
  return {
    id: saved.id,
    name: saved.name,
    request: {
      method: spec.method,
      url: { ...url, raw } as sdk.UrlDefinition,
      header,
      ...(body ? { body } : {}),
      ...(auth ? { auth: { type: auth.type, [auth.type]: auth.params.map((p) => ({ ...p, type: 'string' })) } as sdk.RequestAuthDefinition } : {}),
      ...(saved.description ? { description: saved.description } : {})
    }
  }
}

function folderItems(folder: LoadedFolder, replaced: Array<SecretReplacement & { path: string }>): sdk.ItemDefinition[] {
  return folder.children.map((child) =>
    child.type === 'request'
      ? requestItem(child, replaced)
      : ({ id: stableId(`folder:${child.path}`), name: child.name, item: folderItems(child, replaced) } as sdk.ItemDefinition)
  )
}

export interface PostmanExport {
  /** Postman Collection v2.1 JSON text. */
  json: string
  replacedSecrets: Array<SecretReplacement & { path: string }>
  warnings: string[]
}

/**
 * Exports a collection (or one folder or request of it) as Postman Collection v2.1. Auth profiles become
 * Postman auth settings holding `{{secret.NAME}}` variables; no secret value is ever written.
 */
export async function exportPostman(repo: CollectionRepository, folder: string, path = ''): Promise<PostmanExport> {
  const loaded = await loadForExport(repo, folder, path)
  const replacedSecrets: PostmanExport['replacedSecrets'] = []
  const item = folderItems(loaded.root, replacedSecrets)
  const manifest = await readManifest(folder, '')
  const variables = manifest.state === 'ok' ? (manifest.manifest.variables ?? []) : []
  const collection = new sdk.Collection({
    info: { _postman_id: stableId(`collection:${loaded.name}:${path}`), name: loaded.name, schema: SCHEMA_V21 },
    item,
    // A credential-named variable is written without its value, whatever collection.json holds.
    ...(variables.length > 0
      ? { variable: variables.map((row) => ({ key: row.name, value: isCredentialParam(row.name) ? '' : row.value, type: 'string', ...(row.enabled ? {} : { disabled: true }) })) }
      : {})
  } as sdk.CollectionDefinition)
  const warnings = loaded.problems.map((problem) => `${problem.path} was not exported: ${problem.reason}`)
  return { json: JSON.stringify(collection.toJSON(), null, 2) + '\n', replacedSecrets, warnings }
}
