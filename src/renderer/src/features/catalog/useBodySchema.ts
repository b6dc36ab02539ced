import { useEffect } from 'react'
import { plainTextSchema } from '@shared/catalog/plain-text-schema'
import type { CatalogOperation } from '@shared/catalog/types'

/** The request-body editor's model path (BodyEditor's `path`), which Monaco turns into this URI. */
const BODY_MODEL = 'request-body.json'

/**
 * While an operation with a JSON body is open, Monaco's JSON service validates the body editor against the
 * operation's request schema; completion of property names and enum values and hover descriptions come from the
 * same schema, as plain text only (plain-text-schema.ts: a file's Markdown is not rendered). Monaco is imported lazily, from the chunk the editor itself loads.
 */
export function useBodySchema(op: CatalogOperation): void {
  useEffect(() => {
    const body = op.requestBody
    if (!body || !/json/i.test(body.contentType)) return
    let live = true
    let clear: (() => void) | null = null
    // monaco-setup first: it installs the workers and the JSON contribution this register module belongs to.
    import('../../editor/monaco-setup')
      .then(async ({ monaco }) => {
        const { jsonDefaults: json } = await import('monaco-editor/languages/features/json/register')
        if (!live) return
        const uri = monaco.Uri.parse(BODY_MODEL).toString()
        const base = json.diagnosticsOptions
        // Schema problems stay warnings (Monaco's default): the server has the last word, and the body is sent as typed.
        json.setDiagnosticsOptions({
          ...base,
          validate: true,
          enableSchemaRequest: false,
          schemas: [{ uri: `catalog://schema/${encodeURIComponent(op.id)}`, fileMatch: [uri, `*/${BODY_MODEL}`], schema: plainTextSchema(body.schema) }]
        })
        clear = () => json.setDiagnosticsOptions({ ...base, schemas: [] })
      })
      .catch(() => {
        // Without Monaco there is no editor to validate; the body is still sent as typed.
      })
    return () => {
      live = false
      clear?.()
    }
  }, [op])
}
