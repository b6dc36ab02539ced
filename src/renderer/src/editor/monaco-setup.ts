/**
 * Monaco, trimmed to what the app uses: the core editor API with its contributions, the JSON language service
 * (diagnostics in a worker) and the tokenizers for the snippet languages. Importing the 'monaco-editor' entry
 * would pull in ~80 languages and the TypeScript/CSS/HTML services.
 *
 * Workers are inlined (`?worker&inline` -> blob: URL) because a file:// page cannot start a worker from a file
 * URL; the CSP allows `worker-src blob:`. This module is only reached through React.lazy, so none of it is in the
 * initial bundle.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import { loader } from '@monaco-editor/react'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker&inline'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker&inline'

// Every editor contribution and its services, registered before the first editor is created. Monaco 0.57's JSON
// mode imports this same module when the language activates; if that happened after an editor exists, the late
// contributions fail with "depends on UNKNOWN service" errors. (So the editor part cannot be trimmed further.)
import 'monaco-editor/internal/common/workers'

import 'monaco-editor/language/json/monaco.contribution'
import 'monaco-editor/languages/definitions/shell/register'
import 'monaco-editor/languages/definitions/python/register'
import 'monaco-editor/languages/definitions/yaml/register'
import 'monaco-editor/languages/definitions/xml/register'

type MonacoApi = typeof monaco

interface MonacoEnvironmentHost {
  MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker }
}

;(self as unknown as MonacoEnvironmentHost).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return label === 'json' ? new JsonWorker() : new EditorWorker()
  }
}

// Must run before the first <Editor> renders, or @monaco-editor/react fetches Monaco from a CDN (blocked by CSP).
// The loader's type names the full 'monaco-editor' namespace; editor.api is the same runtime object minus languages.
loader.config({ monaco: monaco as unknown as Parameters<typeof loader.config>[0]['monaco'] })

export { monaco }
export type { MonacoApi }
